/**
 * Real articles cut into the parts the generator recombines: a header that
 * carries the metadata (front matter, wire header lines, a feed record's
 * fields) and a body split into paragraphs.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';

export type TemplateKind = 'md' | 'txt' | 'feed';

export interface Template {
  kind: TemplateKind;
  /** Folder name of the original (finews, 36kr, reuters…), reused so copies look like their source. */
  family: string;
  fileName: string;
  language: 'zh' | 'en';
  /** md: front matter with its fences; txt: the `-- ` wire header lines; feed: unused. */
  header: string;
  /** Paragraphs (md, txt) or sentences (feed content), in order; joined they give the body back. */
  chunks: string[];
  /** The feed record, without its content, for feed templates. */
  record?: Record<string, unknown>;
}

// Cut after a closing block tag or a blank line: HTML bodies are often one
// long line of <p>…</p>, Markdown and wire bodies use blank lines.
const PARAGRAPH_END = /(?<=<\/(?:p|h\d|li|ul|ol|table|blockquote)>|\n[ \t\u3000]*\r?\n)/i;
// Reuters wires often run their paragraphs together, so they are cut at sentences too.
const WIRE_SENTENCE_END = /(?<=\n[ \t]*\r?\n)|(?<=[.!?]["”]? )(?=["“]?[A-Z])/;
// Feed content has no paragraphs; a Chinese full stop ends a sentence.
const SENTENCE_END = /(?<=[。！？])/;
const FRONT_MATTER = /^(\uFEFF?\s*---[ \t]*\r?\n[\s\S]*?\r?\n---[ \t]*\r?\n)([\s\S]*)$/;
const WIRE_HEADER = /^((?:-- [^\n]*\n)+)([\s\S]*)$/;

/** zh when over 30% of the letters are CJK (Chinese articles are full of Latin names); tags are not counted. */
function detectLanguage(text: string): 'zh' | 'en' {
  const plain = text.replace(/<[^>]*>/g, '');
  const cjk = plain.match(/[\u3400-\u9fff]/g)?.length ?? 0;
  const latin = plain.match(/[A-Za-z]/g)?.length ?? 0;
  return cjk > 0.3 * (cjk + latin) ? 'zh' : 'en';
}

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

/**
 * Splits at the boundaries, but never inside a list, a table, an HTML
 * comment or an eastmoney widget (`<!-- EM_StockImg_Start -->…End -->`): a
 * moved paragraph carrying half of one would garble the article it lands in
 * (half a widget makes ingest drop the rest of the body).
 */
function splitChunks(body: string, boundary: RegExp): string[] {
  const chunks: string[] = [];
  let open = '';
  for (const piece of body.split(boundary)) {
    open += piece;
    const unclosed = count(open, /<!--/g) > count(open, /-->/g) || count(open, /EM_StockImg_Start/g) > count(open, /EM_StockImg_End/g) ||
      count(open, /<(?:ul|ol|table)\b/gi) > count(open, /<\/(?:ul|ol|table)>/gi);
    if (!unclosed && open) {
      chunks.push(open);
      open = '';
    }
  }
  if (open) chunks.push(open);
  return chunks;
}

function fromFile(path: string, raw: string): Template[] {
  const family = basename(dirname(path));
  const fileName = basename(path);
  const ext = extname(path).toLowerCase();
  if (ext === '.jsonl') {
    return raw.split('\n').filter((line) => line.trim()).flatMap((line) => {
      const record = JSON.parse(line) as Record<string, unknown>;
      const content = typeof record.content === 'string' ? record.content : '';
      if (!content) return [];
      const { content: _, ...rest } = record;
      return [{ kind: 'feed' as const, family, fileName, language: detectLanguage(content), header: '', chunks: splitChunks(content, SENTENCE_END), record: rest }];
    });
  }
  const split = (ext === '.md' ? FRONT_MATTER : WIRE_HEADER).exec(raw);
  const [header, body] = split ? [split[1]!, split[2]!] : ['', raw];
  const kind: TemplateKind = ext === '.md' ? 'md' : 'txt';
  return [{ kind, family, fileName, language: detectLanguage(body), header, chunks: splitChunks(body, kind === 'md' ? PARAGRAPH_END : WIRE_SENTENCE_END) }];
}

async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    // A folder's README describes the folder; it is not an article.
    .filter((e) => e.isFile() && /\.(md|txt|jsonl)$/i.test(e.name) && !/^readme\.md$/i.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/**
 * Every distinct article under the roots, in a fixed order. The folders
 * share many files, so copies are dropped by content hash; a missing root
 * is skipped.
 */
export async function loadTemplates(roots: readonly string[]): Promise<Template[]> {
  const seen = new Set<string>();
  const templates: Template[] = [];
  for (const root of roots) {
    for (const path of await listFiles(root)) {
      const raw = await readFile(path, 'utf8');
      const hash = createHash('sha1').update(raw).digest('hex');
      if (seen.has(hash)) continue;
      seen.add(hash);
      templates.push(...fromFile(path, raw));
    }
  }
  return templates;
}
