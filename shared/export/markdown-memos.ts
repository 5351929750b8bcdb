/**
 * The "Memos" section of the Markdown export: each memo under its title, with who started
 * it and who edited it last, its markup (shared/text/memo-markup.ts) written back as
 * Markdown — headings below the section's own, lists, emphasis — and each link to a
 * highlight as its quote in quotation marks (a highlight has no address outside the app).
 * Every piece of text people wrote goes through the export's own escaping, so nothing a
 * memo holds can open Markdown or HTML syntax of its own.
 */
import { parseMemo, type MemoInline } from '../text/memo-markup.ts';
import type { ExportMemo } from './excerpt.ts';

function inline(runs: readonly MemoInline[], escape: (text: string) => string): string {
  return runs
    .map((run) => {
      if (run.kind === 'emphasis') return `*${escape(run.text)}*`;
      if (run.kind === 'strong') return `**${escape(run.text)}**`;
      if (run.kind === 'link') return `“${escape(run.text)}”`;
      return escape(run.text);
    })
    .join('');
}

function body(text: string, escape: (text: string) => string): string[] {
  const out: string[] = [];
  for (const block of parseMemo(text)) {
    if (out.length > 0) out.push('');
    if (block.kind === 'heading') out.push(`${'#'.repeat(Math.min(block.level + 3, 6))} ${inline(block.content, escape)}`);
    else if (block.kind === 'paragraph') {
      const lines = block.lines.map((line) => inline(line, escape));
      out.push(...lines.map((line, index) => (index < lines.length - 1 && line !== '' ? `${line}\\` : line)));
    } else out.push(...block.items.map((item, index) => `${block.ordered ? `${index + 1}.` : '-'} ${inline(item, escape)}`));
  }
  return out;
}

/** The section's lines (empty when there are no memos); `escape` escapes one line of text for Markdown. */
export function memosMarkdown(memos: readonly ExportMemo[], escape: (text: string) => string): string[] {
  if (memos.length === 0) return [];
  const out = ['', '## Memos'];
  for (const memo of memos) {
    const started = `${escape(memo.author.name) || 'someone'}, started ${memo.created.slice(0, 10)}`;
    const edited = `last edited by ${escape(memo.editor.name) || 'someone'}, ${memo.modified.slice(0, 10)}`;
    out.push('', `### ${escape(memo.title)}`, '', `*${started}; ${edited}*`, '', ...body(memo.text, escape));
  }
  return out;
}
