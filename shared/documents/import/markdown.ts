/**
 * Markdown → reader document, with markdown-it (CommonMark, plus tables).
 *
 * A file already in the article dialect is read by the dialect's own parser, so it keeps
 * exactly the canonical text it has today (in CommonMark, `*stars*` would lose its stars).
 * Any other file: headings (levels past 4 become 4), paragraphs (inline markup dropped,
 * its text kept, line breaks become spaces), list items (nested lists flattened), block
 * quotes, each non-empty table cell row by row, code blocks one paragraph per line, and
 * HTML blocks as the HTML path reads them. Stated facts: a front matter's `title`,
 * `author` and `date`, else the title is the text of the first `# ` heading.
 */
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { DocumentError } from '../errors.ts';
import { parseArticleMarkdown } from '../markdown.ts';
import type { ConvertedDocument, StatedFacts } from './article-file.ts';
import { finishConversion, noFacts, statedValue } from './article-file.ts';
import { BlockBuilder, blocksToDoc } from './blocks.ts';
import type { ResolvedConvertLimits } from './errors.ts';
import { readHtml } from './html.ts';

const parser = new MarkdownIt('default', { html: true, linkify: false, typographer: false });

/** Splits off a YAML-style front matter and reads `title`, `author` and `date` from it. */
export function splitFrontMatter(source: string): { body: string; facts: StatedFacts } {
  const match = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(source);
  if (!match) return { body: source, facts: { ...noFacts } };
  const values = new Map<string, string>();
  for (const line of (match[1] as string).split(/\r?\n/)) {
    const pair = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (pair) values.set((pair[1] as string).toLowerCase(), unquote((pair[2] as string).trim()));
  }
  const value = (key: string) => {
    const found = values.get(key);
    return found === undefined || found === 'unknown' ? null : statedValue(found);
  };
  return {
    body: source.slice(match[0].length),
    facts: { title: value('title'), author: value('author'), publisher: value('publisher'), date: value('date') },
  };
}

function unquote(value: string): string {
  if (value.startsWith('"')) {
    try {
      const parsed: unknown = JSON.parse(value);
      if (typeof parsed === 'string') return parsed;
    } catch {
      // Not a JSON string: read it as written.
    }
  }
  if (value.length >= 2 && value.startsWith("'") && value.endsWith("'")) return value.slice(1, -1).replace(/''/g, "'");
  return value;
}

/** The plain text of an inline token: text and code kept, markup and inline HTML dropped, breaks as spaces. */
function inlineText(token: Token): string {
  let text = '';
  for (const child of token.children ?? []) {
    if (child.type === 'text' || child.type === 'code_inline') text += child.content;
    else if (child.type === 'softbreak' || child.type === 'hardbreak') text += ' ';
    else if (child.type === 'image') text += child.content;
  }
  return text;
}

/** Feeds markdown-it's block tokens to `builder`. */
function walkTokens(tokens: Token[], builder: BlockBuilder, fileName: string): void {
  let headingLevel: number | null = null;
  for (const token of tokens) {
    switch (token.type) {
      case 'heading_open':
        headingLevel = Number(token.tag.slice(1));
        break;
      case 'heading_close':
        headingLevel = null;
        break;
      case 'inline':
        if (headingLevel !== null) builder.heading(headingLevel, inlineText(token));
        else builder.paragraph(inlineText(token));
        break;
      case 'bullet_list_open':
      case 'ordered_list_open':
        builder.openList(token.type === 'ordered_list_open', Number(token.attrGet('start') ?? '1'));
        break;
      case 'blockquote_open':
        builder.openQuote();
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
      case 'blockquote_close':
        builder.close();
        break;
      case 'code_block':
      case 'fence':
        for (const line of token.content.split(/\r\n|\r|\n/)) builder.paragraph(line);
        break;
      case 'html_block':
        for (const block of readHtml(token.content, fileName).blocks) {
          if (block.kind === 'heading') builder.heading(block.level, block.text);
          else if (block.kind === 'paragraph') builder.paragraph(block.text);
          else for (const text of block.kind === 'list' ? block.items : block.paragraphs) builder.paragraph(text);
        }
        break;
      default:
        break;
    }
  }
}

/** Converts a Markdown text (already decoded). */
export function convertMarkdown(source: string, fileName: string, limits: ResolvedConvertLimits): ConvertedDocument {
  const dialect = readDialect(source, fileName);
  if (dialect) return finishConversion(dialect.doc, dialect.facts, 'md', fileName, limits);
  const { body, facts } = splitFrontMatter(source);
  const tokens = parser.parse(body, {});
  const builder = new BlockBuilder();
  walkTokens(tokens, builder, fileName);
  const firstHeading = tokens.findIndex((token) => token.type === 'heading_open' && token.tag === 'h1' && token.markup === '#');
  const headingTitle = firstHeading === -1 ? null : inlineText(tokens[firstHeading + 1] as Token);
  const title = facts.title ?? statedValue(headingTitle);
  return finishConversion(blocksToDoc(builder.blocks()), { ...facts, title }, 'md', fileName, limits);
}

/** The document and facts of a file in the article dialect, or null when it is not one. */
function readDialect(source: string, fileName: string): { doc: ReturnType<typeof parseArticleMarkdown>['doc']; facts: StatedFacts } | null {
  try {
    const { meta, doc } = parseArticleMarkdown(source, fileName);
    return { doc, facts: { title: meta.title, titleSupplied: meta.titleSupplied, author: meta.author, publisher: meta.publisher, date: null } };
  } catch (error) {
    if (error instanceof DocumentError) return null;
    throw error;
  }
}
