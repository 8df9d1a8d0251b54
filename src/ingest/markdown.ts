/**
 * Just enough Markdown for news posts, turned into HTML so that one DOM walk
 * produces the text: paragraphs, headings, block quotes, links and images.
 * Blocks that already start with a tag are passed through untouched.
 */

const AUTOLINK = /<((?:https?:)?\/\/[^\s<>]+)>/g;
const IMAGE = /!\[[^\]]*\]\([^)]*\)/g;
const LINK = /\[([^\]]*)\]\(([^)\s]*)(?:\s+"[^"]*")?\)/g;
const STRONG = /(\*\*|__)(?=\S)([^*_]+?)\1/g;

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

function inline(block: string): string {
  return block
    .replace(IMAGE, '')
    .replace(LINK, (_m, label: string, href: string) => `<a href="${escapeAttr(href)}">${label}</a>`)
    .replace(STRONG, '$2');
}

/** Converts a Markdown (or mixed Markdown and HTML) body to HTML. */
export function markdownToHtml(body: string): string {
  // Autolinks look like tags to an HTML parser: make them links first.
  const text = body.replace(AUTOLINK, (_m, url: string) => `<a href="${escapeAttr(url)}">${url}</a>`);
  const out: string[] = [];
  for (const block of text.split(/\n[ \t\u3000]*\n/)) {
    const trimmed = block.trim();
    if (trimmed === '') continue;
    if (trimmed.startsWith('<') && !trimmed.startsWith('<a href=')) {
      out.push(block);
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/s.exec(trimmed);
    if (heading) {
      out.push(`<h${heading[1]!.length}>${inline(heading[2]!)}</h${heading[1]!.length}>`);
    } else if (trimmed.startsWith('>')) {
      out.push(`<blockquote><p>${inline(trimmed.replace(/^>\s?/gm, ''))}</p></blockquote>`);
    } else {
      out.push(`<p>${inline(block)}</p>`);
    }
  }
  return out.join('\n');
}
