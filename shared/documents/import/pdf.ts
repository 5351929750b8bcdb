/**
 * PDF → reader document, from pdf.js's text layer (the legacy build, which runs in Node
 * and in every browser). The worker is not a separate thread: its module is loaded into
 * the caller's thread (pdf.js's "fake worker"), so the same code needs no worker file in
 * Node, in the renderer bundle or in the sync server.
 *
 * Lines come from the text items (an item ending a line says so); a page's lines form
 * paragraphs by their vertical gaps — a gap clearly wider than the page's usual line gap
 * (its lower quartile, at most twice the font size), or a move up the page (a new column), starts a new paragraph; each page starts one too.
 * A paragraph's lines are joined with a space, verbatim otherwise (a hyphen at a line's
 * end stays). Page headers and footers are kept. Stated facts: the info dictionary's
 * Title, Author and CreationDate.
 */
/// <reference path="./pdfjs-worker.d.ts" />
import type { ConvertedDocument, StatedFacts } from './article-file.ts';
import { finishConversion, statedValue } from './article-file.ts';
import { BlockBuilder, blocksToDoc } from './blocks.ts';
import { ConvertError } from './errors.ts';
import type { ResolvedConvertLimits } from './errors.ts';

/** One line of a page: its text, baseline height on the page and font size. */
interface PageLine {
  text: string;
  y: number;
  size: number;
}

/** A text item as the walk reads it. */
interface TextItem {
  str?: string;
  transform?: number[];
  hasEOL?: boolean;
}

async function loadPdfJs() {
  const globals = globalThis as { pdfjsWorker?: unknown };
  if (!globals.pdfjsWorker) globals.pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  return import('pdfjs-dist/legacy/build/pdf.mjs');
}

/** A PDF date (`D:YYYYMMDDHHmmSS+HH'mm'`) as ISO 8601, with only the parts it states. */
export function pdfDateToIso(value: string | null | undefined): string | null {
  const match = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz]|[+-]\d{2}'?\d{2}'?)?/.exec((value ?? '').trim());
  if (!match) return statedValue(value);
  const [, year, month, day, hour, minute, second, zone] = match;
  let iso = year as string;
  if (month) iso += `-${month}`;
  if (month && day) iso += `-${day}`;
  if (day && hour) {
    iso += `T${hour}:${minute ?? '00'}:${second ?? '00'}`;
    if (zone) iso += /^[zZ]$/.test(zone) ? 'Z' : `${zone.slice(0, 3)}:${zone.replace(/'/g, '').slice(3, 5) || '00'}`;
  }
  return iso;
}

/** The lines of one page's text items. */
function pageLines(items: readonly TextItem[]): PageLine[] {
  const lines: PageLine[] = [];
  let text = '';
  let y: number | null = null;
  let size = 0;
  const end = () => {
    if (text.trim() !== '' && y !== null) lines.push({ text: text.trim(), y, size });
    text = '';
    y = null;
  };
  for (const item of items) {
    if (typeof item.str !== 'string') continue;
    const itemY = item.transform?.[5] ?? 0;
    if (y !== null && item.str.trim() !== '' && Math.abs(itemY - y) > 2 && text.trim() !== '') end();
    if (y === null && item.str.trim() !== '') {
      y = itemY;
      size = Math.hypot(item.transform?.[2] ?? 0, item.transform?.[3] ?? 0);
    }
    text += item.str;
    if (item.hasEOL) end();
  }
  end();
  return lines;
}

/** Feeds one page's lines to `builder` as paragraphs (see the module comment). */
function addPage(lines: readonly PageLine[], builder: BlockBuilder): void {
  const gaps = lines.slice(1).map((line, index) => (lines[index] as PageLine).y - line.y).filter((gap) => gap > 0).sort((a, b) => a - b);
  const usualGap = gaps[Math.floor((gaps.length - 1) / 4)] ?? 0;
  const fontSize = lines[0]?.size ?? 0;
  const lineGap = fontSize > 0 ? Math.min(usualGap, fontSize * 2) : usualGap;
  let paragraph: string[] = [];
  lines.forEach((line, index) => {
    const gap = index === 0 ? 0 : (lines[index - 1] as PageLine).y - line.y;
    if (index > 0 && (gap <= 0 || gap > lineGap * 1.3 + 0.5)) {
      builder.paragraph(paragraph.join(' '));
      paragraph = [];
    }
    paragraph.push(line.text);
  });
  builder.paragraph(paragraph.join(' '));
}

/** Converts the bytes of a PDF file. */
export async function convertPdf(bytes: Uint8Array, fileName: string, limits: ResolvedConvertLimits): Promise<ConvertedDocument> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    data: bytes.slice(), verbosity: 0, disableFontFace: true, useSystemFonts: false, stopAtErrors: false,
  });
  try {
    let pdf: Awaited<typeof task.promise>;
    try {
      pdf = await task.promise;
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      if (name === 'PasswordException') throw new ConvertError('unsupported', fileName, 'this PDF is protected by a password');
      throw new ConvertError('malformed', fileName, `this PDF cannot be read (${error instanceof Error ? error.message : String(error)})`);
    }
    const builder = new BlockBuilder();
    let characters = 0;
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const lines = pageLines((await page.getTextContent()).items as TextItem[]);
      page.cleanup();
      characters += lines.reduce((sum, line) => sum + line.text.length + 1, 0);
      if (characters > limits.maxTextCharacters * 2) break;
      addPage(lines, builder);
    }
    if (builder.blocks().length === 0) throw new ConvertError('no-text', fileName, 'this PDF has no text layer (a scan?)');
    const { info } = (await pdf.getMetadata()) as { info: Record<string, unknown> };
    const fact = (key: string) => (typeof info[key] === 'string' ? info[key] as string : null);
    const facts: StatedFacts = { title: fact('Title'), author: fact('Author'), publisher: null, date: pdfDateToIso(fact('CreationDate')) };
    return finishConversion(blocksToDoc(builder.blocks()), facts, 'pdf', fileName, limits);
  } finally {
    await task.destroy();
  }
}
