/**
 * Parser of the article Markdown dialect: a small, strict subset chosen so that every
 * character of an article's text is literal and the parse is deterministic.
 *
 * The dialect, completely:
 *
 * 1. Front matter. The file starts with a line `---`, then exactly these six keys, one
 *    per line as `key: value`, in any order, each once, then a line `---`:
 *      id: a-lowercase-slug               (bare; must equal the manifest id)
 *      title: "JSON string"               (non-empty)
 *      title_supplied: true | false       (true: the source has no title; it was drawn from its own words)
 *      author: "JSON string" | unknown
 *      publisher: "JSON string" | unknown
 *      source_file: "JSON string" | unknown
 *    Quoted values are JSON string literals (which YAML also reads as double-quoted
 *    strings); the bare word `unknown` means the source does not state it (parsed as null).
 * 2. Body: blocks separated by one or more blank lines. Each block is ONE line:
 *      `# text` … `#### text`   heading, levels 1–4
 *      `- text`                 bullet-list item
 *      `12. text`               ordered-list item; the first item's number is the list's
 *                               start, the next items must count up by one
 *      `> text`                 a paragraph of a block quote
 *      anything else            paragraph
 *    Consecutive item lines of one kind form one list, and consecutive `> ` lines one block
 *    quote (each line one paragraph inside it); a blank line ends a list or a quote (so two
 *    lists, or two quotes, separated by a blank line stay two). No nesting, no indentation,
 *    no multi-line paragraphs, no code, tables or HTML.
 * 3. Text is literal: there is no inline markup at all (`*`, `_`, `` ` ``, `[`, `<` are
 *    just characters). The only escape: one backslash right at the start of a block's
 *    text (after the marker and its space, or at the start of a paragraph line) is
 *    removed. Writers add it when a text starts with a backslash or with something that
 *    reads as block syntax (e.g. a paragraph `1. Introduction` is written `\1. Introduction`).
 *    A paragraph line that starts with block-like syntax but is not a valid block and is
 *    not escaped is an error, never a guess.
 * 4. Text is never empty and never has leading or trailing whitespace. Line endings may
 *    be LF or CRLF; a leading byte-order mark is ignored.
 *
 * Errors are {@link DocumentError}s carrying the file name and 1-based line number.
 */
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { DocumentError } from './errors.ts';
import type { DocumentMeta } from './manifest.ts';
import { isDocumentId } from './manifest.ts';
import { maxHeadingLevel, readerSchema } from './schema.ts';

/** Front-matter keys, in the order writers emit them. */
export const frontMatterKeys = ['id', 'title', 'title_supplied', 'author', 'publisher', 'source_file'] as const;

/** The bare front-matter word for a fact the source does not state. */
export const unknownValue = 'unknown';

const headingLine = /^(#{1,6}) (.*)$/;
const bulletLine = /^- (.*)$/;
const orderedLine = /^(\d{1,9})\. (.*)$/;
const quoteLine = /^> (.*)$/;
const blockLikeStart = /^(?:[\s#>\\<`~|]|[-*+_](?:\s|$|[-*+_])|\d+[.)](?:\s|$))/;

/**
 * True when a block's text must be written with a leading backslash so that it reads
 * back as literal text: it starts with a backslash, whitespace or block syntax.
 */
export function textNeedsEscape(text: string): boolean {
  return blockLikeStart.test(text);
}

/** Parses one article file into its metadata and a {@link readerSchema} document. */
export function parseArticleMarkdown(source: string, fileName: string): { meta: DocumentMeta; doc: ProseMirrorNode } {
  const lines = (source.startsWith('\uFEFF') ? source.slice(1) : source).split(/\r?\n/);
  const { meta, bodyStart } = parseFrontMatter(lines, fileName);
  const doc = parseBody(lines, bodyStart, fileName, meta.id);
  return { meta, doc };
}

function parseFrontMatter(lines: string[], fileName: string): { meta: DocumentMeta; bodyStart: number } {
  const fail = (reason: string, line: number): never => {
    throw new DocumentError(reason, { fileName, line });
  };
  if (lines[0] !== '---') fail('missing front matter: the file must start with a line "---"', 1);
  const closing = lines.indexOf('---', 1);
  if (closing === -1) fail('front matter is not closed: expected a line "---" after the keys', 1);
  const values = new Map<string, { value: string; line: number }>();
  let index = 1;
  for (; index < closing; index++) {
    const line = lines[index] as string;
    const match = /^([a-z_]+): (.+)$/.exec(line as string);
    if (!match) fail(`front matter line must read "key: value", found ${JSON.stringify(line)}`, index + 1);
    const key = (match as RegExpExecArray)[1] as string;
    const value = (match as RegExpExecArray)[2] as string;
    if (!(frontMatterKeys as readonly string[]).includes(key)) {
      fail(`unknown front matter key "${key}" (allowed: ${frontMatterKeys.join(', ')})`, index + 1);
    }
    if (values.has(key)) fail(`front matter key "${key}" appears twice`, index + 1);
    values.set(key, { value, line: index + 1 });
  }
  const closingLine = index + 1;
  for (const key of frontMatterKeys) {
    if (!values.has(key)) fail(`front matter lacks the key "${key}"`, closingLine);
  }
  const field = (key: (typeof frontMatterKeys)[number]) => values.get(key) as { value: string; line: number };
  const quoted = (key: (typeof frontMatterKeys)[number]): string => {
    const { value, line } = field(key);
    let parsed: unknown;
    try {
      parsed = value.startsWith('"') ? JSON.parse(value) : undefined;
    } catch {
      parsed = undefined;
    }
    if (typeof parsed !== 'string') fail(`"${key}" must be a double-quoted JSON string, found ${value}`, line);
    if ((parsed as string).trim() === '') fail(`"${key}" must not be empty`, line);
    return parsed as string;
  };
  const optional = (key: (typeof frontMatterKeys)[number]): string | null =>
    field(key).value === unknownValue ? null : quoted(key);

  const id = field('id');
  if (!isDocumentId(id.value)) fail(`"id" must be a bare lowercase slug, found ${id.value}`, id.line);
  const supplied = field('title_supplied');
  if (supplied.value !== 'true' && supplied.value !== 'false') {
    fail(`"title_supplied" must be true or false, found ${supplied.value}`, supplied.line);
  }
  const meta: DocumentMeta = {
    id: id.value as DocumentMeta['id'],
    title: quoted('title'),
    titleSupplied: supplied.value === 'true',
    author: optional('author'),
    publisher: optional('publisher'),
    sourceFile: optional('source_file'),
  };
  return { meta, bodyStart: index + 1 };
}

/** One non-blank body line, classified by its block marker. */
type BodyLine =
  | { kind: 'heading'; level: number; raw: string }
  | { kind: 'bullet'; raw: string }
  | { kind: 'ordered'; number: number; raw: string }
  | { kind: 'quote'; raw: string }
  | { kind: 'paragraph'; raw: string; unescapedSyntax: boolean };

function classifyLine(line: string): BodyLine {
  if (line.startsWith('\\')) return { kind: 'paragraph', raw: line, unescapedSyntax: false };
  const heading = headingLine.exec(line);
  if (heading) return { kind: 'heading', level: (heading[1] as string).length, raw: heading[2] as string };
  const bullet = bulletLine.exec(line);
  if (bullet) return { kind: 'bullet', raw: bullet[1] as string };
  const ordered = orderedLine.exec(line);
  if (ordered) return { kind: 'ordered', number: Number(ordered[1]), raw: ordered[2] as string };
  const quote = quoteLine.exec(line);
  if (quote) return { kind: 'quote', raw: quote[1] as string };
  return { kind: 'paragraph', raw: line, unescapedSyntax: textNeedsEscape(line) };
}

function parseBody(lines: string[], bodyStart: number, fileName: string, documentId: string): ProseMirrorNode {
  const { nodes } = readerSchema;
  const blocks: ProseMirrorNode[] = [];
  // The open run of consecutive item or quote lines, closed by a blank line.
  const group: { kind: 'bullet' | 'ordered' | 'quote' | null; start: number; children: ProseMirrorNode[] } = { kind: null, start: 1, children: [] };
  let previousLineWasBlock = false;
  const fail = (reason: string, line: number): never => {
    throw new DocumentError(reason, { fileName, line, documentId });
  };
  const closeGroup = () => {
    if (group.kind === 'bullet') blocks.push(nodes.bullet_list!.create(null, group.children));
    if (group.kind === 'ordered') blocks.push(nodes.ordered_list!.create({ start: group.start }, group.children));
    if (group.kind === 'quote') blocks.push(nodes.blockquote!.create(null, group.children));
    group.kind = null;
    group.children = [];
  };
  const text = (raw: string, line: number, what: string): ProseMirrorNode => {
    const literal = raw.startsWith('\\') ? raw.slice(1) : raw;
    if (literal === '') fail(`empty ${what}`, line);
    if (literal.trim() !== literal) fail(`${what} text has leading or trailing whitespace`, line);
    return readerSchema.text(literal);
  };
  const groupName = (kind: 'bullet' | 'ordered' | 'quote') => (kind === 'quote' ? 'block quote' : `${kind} list`);

  for (let index = bodyStart; index < lines.length; index++) {
    const line = lines[index] as string;
    const lineNumber = index + 1;
    if (line.trim() === '') {
      if (line !== '') fail('a blank line must be empty (it contains only whitespace)', lineNumber);
      closeGroup();
      previousLineWasBlock = false;
      continue;
    }
    const block = classifyLine(line);
    const isGrouped = block.kind === 'bullet' || block.kind === 'ordered' || block.kind === 'quote';
    if (previousLineWasBlock && !(isGrouped && group.kind !== null)) {
      fail('blocks must be separated by a blank line (paragraphs and headings are one line each)', lineNumber);
    }
    previousLineWasBlock = true;
    if (block.kind === 'heading') {
      if (block.level > maxHeadingLevel) fail(`heading level ${block.level} is deeper than the supported ${maxHeadingLevel}`, lineNumber);
      blocks.push(nodes.heading!.create({ level: block.level }, text(block.raw, lineNumber, 'heading')));
    } else if (block.kind === 'paragraph') {
      if (block.unescapedSyntax) {
        fail(`paragraph starts with block syntax ${JSON.stringify(line.slice(0, 12))}; `
          + 'if it is text, start the line with a backslash', lineNumber);
      }
      blocks.push(nodes.paragraph!.create(null, text(block.raw, lineNumber, 'paragraph')));
    } else {
      if (group.kind !== null && group.kind !== block.kind) {
        fail(`a ${block.kind === 'quote' ? 'quote line' : `${block.kind} item`} directly follows a ${groupName(group.kind)}; `
          + 'separate them with a blank line', lineNumber);
      }
      if (group.kind === null) {
        group.kind = block.kind;
        group.start = block.kind === 'ordered' ? block.number : 1;
      } else if (block.kind === 'ordered' && block.number !== group.start + group.children.length) {
        fail(`ordered item ${block.number} should be numbered ${group.start + group.children.length}`, lineNumber);
      }
      const paragraph = nodes.paragraph!.create(null, text(block.raw, lineNumber, block.kind === 'quote' ? 'quote line' : 'list item'));
      group.children.push(block.kind === 'quote' ? paragraph : nodes.list_item!.create(null, paragraph));
    }
  }
  closeGroup();
  if (blocks.length === 0) fail('the document has no content after its front matter', lines.length);
  const doc = readerSchema.nodes.doc!.create(null, blocks);
  doc.check();
  return doc;
}
