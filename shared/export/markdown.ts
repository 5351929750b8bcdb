/**
 * Markdown export for writing: excerpts grouped by tag (an excerpt appears under each of
 * its tags, untagged ones at the end) or by document, each quote as a blockquote, a
 * citation line, then the note and its replies.
 *
 * Everything that comes from people or documents is escaped so it renders as the same
 * text in CommonMark/GitHub and Obsidian: inline-significant characters get a backslash,
 * and line starts that would open a heading, list, rule or quote are escaped too. Line
 * breaks inside a quote or note are kept as hard breaks (a trailing backslash), so the
 * paragraph structure survives without merging into one line. C0 controls other than tab
 * and line breaks are dropped (control-characters.ts). The project's memos follow the
 * excerpts in a "Memos" section (markdown-memos.ts).
 */
import { dropControlCharacters } from './control-characters.ts';
import type { Excerpt, ExcerptNote, ExportContext } from './excerpt.ts';
import { memosMarkdown } from './markdown-memos.ts';

/** Markdown options. */
export type MarkdownOptions = {
  /** 'tag': one section per tag path; 'document': one section per document. */
  readonly group: 'tag' | 'document';
};

/** Escapes inline Markdown (and HTML / wiki-link) syntax in one line of text. */
export function escapeMarkdownInline(text: string): string {
  return dropControlCharacters(text)
    .replace(/[\\`*_[\]<>|~#$]/g, (char) => `\\${char}`)
    .replace(/&(?=#?\w+;)/g, '&amp;');
}

/** Escapes a line so it renders as itself at the start of a block. */
function escapeLine(line: string): string {
  const inline = escapeMarkdownInline(line);
  // Block openers at the start of a line: lists, ordered lists, headings (# already escaped),
  // thematic breaks and setext underlines, quotes (> already escaped); leading
  // whitespace becomes character references so it is kept instead of opening a code block.
  return inline
    .replace(/^(\s*)([-+=])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2')
    .replace(/^[ \t]+/, (indent) => indent.replace(/\t/g, '    ').replace(/ /g, '&#32;'));
}

/** Escapes multi-line text; lines joined by hard breaks so they stay separate lines in one block. */
function escapeBlock(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/).map(escapeLine);
  return lines.map((line, index) => (index < lines.length - 1 && line !== '' ? `${line}\\` : line));
}

function blockquote(text: string): string {
  return escapeBlock(text)
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');
}

function citation(excerpt: Excerpt): string {
  const { document } = excerpt;
  const parts = [
    document.author ? escapeMarkdownInline(document.author) : undefined,
    `*${escapeMarkdownInline(document.title)}*`,
    document.publisher ? escapeMarkdownInline(document.publisher) : undefined,
    excerpt.headingPath.length > 0 ? `§ ${excerpt.headingPath.map(escapeMarkdownInline).join(' › ')}` : undefined,
    excerpt.anchored ? `¶ ${excerpt.paragraph}` : 'unanchored (stored quote)',
  ];
  return `— ${parts.filter((part) => part !== undefined).join(', ')}`;
}

function day(iso: string): string {
  return iso.slice(0, 10);
}

function noteLines(note: ExcerptNote): string[] {
  const lines = [`**Note** (${escapeMarkdownInline(note.author.name)}, ${day(note.created)}):`, '', ...escapeBlock(note.text)];
  for (const reply of note.replies) {
    const [first = '', ...rest] = escapeBlock(reply.text);
    lines.push('', `- **${escapeMarkdownInline(reply.author.name)}** (${day(reply.created)}): ${first}`, ...rest.map((line) => `  ${line}`));
  }
  return lines;
}

function excerptBlock(excerpt: Excerpt): string {
  const lines = [blockquote(excerpt.quote), '', citation(excerpt)];
  const meta = [`highlighted by ${escapeMarkdownInline(excerpt.highlightedBy.name)}, ${day(excerpt.created)}`];
  if (excerpt.tags.length > 0) meta.push(`tags: ${excerpt.tags.map((tag) => escapeMarkdownInline(tag.path.join(' / '))).join('; ')}`);
  lines.push('', `*${meta.join(' · ')}*`);
  for (const note of excerpt.notes) lines.push('', ...noteLines(note));
  return lines.join('\n');
}

type Section = { readonly title: string; readonly excerpts: Excerpt[] };

function sectionsByTag(excerpts: readonly Excerpt[], context: ExportContext): Section[] {
  const byTag = new Map<string, Section>();
  const untagged: Excerpt[] = [];
  for (const excerpt of excerpts) {
    if (excerpt.tags.length === 0) untagged.push(excerpt);
    for (const tag of excerpt.tags) {
      let section = byTag.get(tag.id);
      if (!section) {
        section = { title: tag.path.join(' / '), excerpts: [] };
        byTag.set(tag.id, section);
      }
      section.excerpts.push(excerpt);
    }
  }
  const order = new Map(context.codebook.map((entry, index) => [entry.id, index]));
  const sections = [...byTag.entries()]
    .sort(([a, sa], [b, sb]) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || sa.title.localeCompare(sb.title))
    .map(([, section]) => section);
  if (untagged.length > 0) sections.push({ title: 'Untagged', excerpts: untagged });
  return sections;
}

function sectionsByDocument(excerpts: readonly Excerpt[]): Section[] {
  const byDocument = new Map<string, Section>();
  for (const excerpt of excerpts) {
    let section = byDocument.get(excerpt.document.id);
    if (!section) {
      section = { title: excerpt.document.title, excerpts: [] };
      byDocument.set(excerpt.document.id, section);
    }
    section.excerpts.push(excerpt);
  }
  return [...byDocument.values()];
}

/** Renders excerpts as one Markdown document (LF line ends, ending with a newline). */
export function excerptsToMarkdown(excerpts: readonly Excerpt[], context: ExportContext, options: MarkdownOptions): string {
  const sections = options.group === 'tag' ? sectionsByTag(excerpts, context) : sectionsByDocument(excerpts);
  const out = [
    `# ${escapeMarkdownInline(context.projectName || 'Marginalia project')}: excerpts`,
    '',
    `${excerpts.length} excerpt${excerpts.length === 1 ? '' : 's'}, grouped by ${options.group}; exported ${context.exportedAt}.`,
  ];
  for (const section of sections) {
    out.push('', `## ${escapeMarkdownInline(section.title)}`);
    for (const excerpt of section.excerpts) out.push('', excerptBlock(excerpt), '', '---');
  }
  out.push(...memosMarkdown(context.memos ?? [], escapeMarkdownInline));
  return `${out.join('\n')}\n`;
}
