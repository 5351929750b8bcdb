/**
 * Plain text: every non-empty line is a paragraph, its surrounding whitespace trimmed and
 * every other character kept. Lines end with LF, CRLF or CR.
 *
 * The offset map turns an offset in the source text (UTF-16 code units, as a REFI-QDA
 * plain-text source counts after decoding) into the canonical-text offset of the same
 * place: kept characters map one to one, the first line break after a kept line maps to
 * the canonical `\n` (when another kept line follows), and removed characters (trimmed
 * whitespace, further line breaks, blank lines) map to where the next kept character
 * lands. So a selection on the source selects the same words in the canonical text.
 */
import { blocksToDoc } from './blocks.ts';
import type { Block } from './blocks.ts';
import type { ConvertedDocument } from './article-file.ts';
import { finishConversion, noFacts } from './article-file.ts';
import type { ConvertLimits } from './errors.ts';
import { resolveLimits } from './errors.ts';

/** A run of source characters kept in the canonical text. */
interface KeptRun {
  sourceStart: number;
  canonicalStart: number;
  length: number;
}

/** The paragraphs of a plain text and the runs that map it to the canonical text. */
export function splitPlainText(text: string): { paragraphs: string[]; runs: KeptRun[] } {
  const paragraphs: string[] = [];
  const runs: KeptRun[] = [];
  const linePattern = /([^\r\n]*)(\r\n|\r|\n|$)/g;
  let canonical = 0;
  let pendingBreak: number | null = null;
  for (const match of text.matchAll(linePattern)) {
    const line = match[1] as string;
    const lineStart = match.index;
    const trimmed = line.trim();
    if (trimmed !== '') {
      if (paragraphs.length > 0 && pendingBreak !== null) {
        runs.push({ sourceStart: pendingBreak, canonicalStart: canonical, length: 1 });
        canonical += 1;
      }
      const start = lineStart + line.indexOf(trimmed);
      runs.push({ sourceStart: start, canonicalStart: canonical, length: trimmed.length });
      canonical += trimmed.length;
      paragraphs.push(trimmed);
      pendingBreak = null;
    }
    const lineBreak = match[2] as string;
    if (lineBreak !== '' && pendingBreak === null && paragraphs.length > 0) pendingBreak = lineStart + line.length;
    if (lineBreak === '') break;
  }
  return { paragraphs, runs };
}

/** Maps a source offset through `runs` (see the module comment). */
function canonicalOffset(runs: readonly KeptRun[], sourceLength: number, offset: number): number {
  if (!Number.isInteger(offset) || offset < 0 || offset > sourceLength) {
    throw new RangeError(`offset ${offset} is outside the source text [0, ${sourceLength}]`);
  }
  let low = 0;
  let high = runs.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((runs[middle] as KeptRun).sourceStart <= offset) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  if (found === -1) return 0;
  const run = runs[found] as KeptRun;
  return run.canonicalStart + Math.min(offset - run.sourceStart, run.length);
}

/**
 * Converts a plain text (already decoded) and gives the map from its offsets to the
 * canonical text's. Throws {@link ConvertError} `no-text` for a text of blank lines only.
 */
export function convertPlainText(
  text: string,
  fileName: string,
  options?: ConvertLimits,
): { converted: ConvertedDocument; toCanonical(offset: number): number } {
  const { paragraphs, runs } = splitPlainText(text);
  const blocks: Block[] = paragraphs.map((paragraph) => ({ kind: 'paragraph', text: paragraph }));
  const converted = finishConversion(blocksToDoc(blocks), noFacts, 'txt', fileName, resolveLimits(options));
  return { converted, toCanonical: (offset) => canonicalOffset(runs, text.length, offset) };
}
