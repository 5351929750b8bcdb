/**
 * The small Markdown-like markup of memos (docs/architecture.md §5), parsed into blocks
 * and inline runs that the preview turns into React elements and the exports into
 * Markdown or plain text.
 *
 * Why a parser of our own rather than a Markdown library: a memo needs only headings
 * (`#`–`######`), lists (`-`, `*`, `1.`), `*emphasis*`, `**strong**` and links to
 * highlights (`[quote](highlight:ID)`), and its output must never be HTML — the preview
 * builds elements from these nodes, so no text a person typed can become markup. Anything
 * else (raw HTML, other links, code) stays literal text. Environment-free.
 */

/** A run of inline content. */
export type MemoInline =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'emphasis'; readonly text: string }
  | { readonly kind: 'strong'; readonly text: string }
  | { readonly kind: 'link'; readonly text: string; readonly highlightId: string };

/** A block of a memo. */
export type MemoBlock =
  | { readonly kind: 'heading'; readonly level: number; readonly content: readonly MemoInline[] }
  | { readonly kind: 'paragraph'; readonly lines: readonly (readonly MemoInline[])[] }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly items: readonly (readonly MemoInline[])[] };

const HEADING = /^(#{1,6})\s+(.*)$/;
const BULLET = /^\s*[-*]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,9}[.)]\s+(.*)$/;
const INLINE = /\[([^\]\n]+)\]\(highlight:([A-Za-z0-9_-]{1,64})\)|\*\*([^*\n]+)\*\*|\*([^*\n]+)\*/g;

/** Parses one line's inline markup. */
export function parseMemoInline(line: string): MemoInline[] {
  const out: MemoInline[] = [];
  let last = 0;
  for (const match of line.matchAll(INLINE)) {
    const at = match.index ?? 0;
    if (at > last) out.push({ kind: 'text', text: line.slice(last, at) });
    if (match[1] !== undefined && match[2] !== undefined) out.push({ kind: 'link', text: match[1], highlightId: match[2] });
    else if (match[3] !== undefined) out.push({ kind: 'strong', text: match[3] });
    else out.push({ kind: 'emphasis', text: match[4] ?? '' });
    last = at + match[0].length;
  }
  if (last < line.length) out.push({ kind: 'text', text: line.slice(last) });
  return out;
}

/** Parses a memo's text into blocks (blank lines separate paragraphs; a paragraph keeps its line breaks). */
export function parseMemo(source: string): MemoBlock[] {
  const blocks: MemoBlock[] = [];
  let paragraph: MemoInline[][] | null = null;
  let list: { ordered: boolean; items: MemoInline[][] } | null = null;
  const close = (): void => {
    if (paragraph) blocks.push({ kind: 'paragraph', lines: paragraph });
    if (list) blocks.push({ kind: 'list', ordered: list.ordered, items: list.items });
    paragraph = null;
    list = null;
  };
  for (const line of source.split(/\r\n|\r|\n/)) {
    const heading = HEADING.exec(line);
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (line.trim() === '') {
      close();
    } else if (heading) {
      close();
      blocks.push({ kind: 'heading', level: (heading[1] ?? '#').length, content: parseMemoInline(heading[2] ?? '') });
    } else if (bullet || numbered) {
      const ordered = numbered !== null;
      const item = parseMemoInline((bullet ?? numbered)?.[1] ?? '');
      if (list === null || list.ordered !== ordered) {
        close();
        list = { ordered, items: [] };
      }
      list.items.push(item);
    } else {
      if (list) close();
      paragraph ??= [];
      paragraph.push(parseMemoInline(line));
    }
  }
  close();
  return blocks;
}

/** The text a link to a highlight shows: the quote on one line, without link brackets, shortened to `max` characters. */
export function highlightLinkText(quote: string, max = 60): string {
  const flat = quote.replace(/[[\]\n\r]+/g, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat || 'highlight';
}

/** The markup of a link to highlight `highlightId` showing `quote`. */
export function highlightLink(quote: string, highlightId: string): string {
  return `[${highlightLinkText(quote)}](highlight:${highlightId})`;
}

/** Inline runs as plain text: emphasis unmarked, a link as its quote in quotation marks. */
export function inlinePlainText(content: readonly MemoInline[]): string {
  return content.map((run) => (run.kind === 'link' ? `“${run.text}”` : run.text)).join('');
}

/** A memo as plain text (for formats without markup): headings and paragraphs as lines, list items with their marker. */
export function memoPlainText(source: string): string {
  return parseMemo(source)
    .map((block) => {
      if (block.kind === 'heading') return inlinePlainText(block.content);
      if (block.kind === 'paragraph') return block.lines.map(inlinePlainText).join('\n');
      return block.items.map((item, index) => `${block.ordered ? `${index + 1}.` : '-'} ${inlinePlainText(item)}`).join('\n');
    })
    .join('\n\n');
}
