import { createHash } from 'node:crypto';

/**
 * The source's own article code, when the page or its link carries one:
 * eastmoney infoCodes (NW…), eastmoney numeric codes, Reuters story ids.
 */
export function sourceIdFrom(candidates: Array<string | null | undefined>): string | null {
  for (const c of candidates) {
    if (!c) continue;
    const info = /infoCode=([A-Za-z]{0,4}\d{10,})/.exec(c);
    if (info) return info[1]!;
    const em = /,(\d{18})\.html?\b/.exec(c);
    if (em) return em[1]!;
    const reuters = /\bid([A-Z]{5}[A-Z0-9]{6,})\b/.exec(c);
    if (reuters) return reuters[1]!;
    const fileCode = /(?:^|\/)\d{4}-\d{2}-\d{2}-((?:NW)?\d{15,})\.[a-z]+$/i.exec(c);
    if (fileCode) return fileCode[1]!;
  }
  return null;
}

/** A stable id for an article with no source id: a short hash of its relative path. */
export function idFromPath(relPath: string): string {
  return `h${createHash('sha1').update(relPath).digest('hex').slice(0, 12)}`;
}

/** Decodes the HTML entities that appear in titles and front matter (&#039;, &amp;, …). */
export function decodeEntities(s: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return named[body.toLowerCase()] ?? m;
  });
}
