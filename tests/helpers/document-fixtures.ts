/**
 * Test and bench helper: files of every format a user may add, built at run time — DOCX
 * with the `docx` package, PDF with `pdf-lib`, ZIP archives (a zip bomb) with fflate —
 * so that no binary fixture is checked in and each test says what its file holds.
 */
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { zipSync } from 'fflate';
import { PDFDocument, StandardFonts } from 'pdf-lib';

/** Sentences every format must keep verbatim (Latin-1 only, so a PDF's standard font can draw them). */
export const sampleSentences = [
  'Baku balances its ties with Moscow and Washington.',
  'The corridor opened in 2024, after long talks.',
  'Analysts call this “strategic pragmatism” — a careful hedge.',
  'Trade with the EU grew by 12.5 percent; energy led it.',
  'Critics ask whether neutrality can last.',
  'Türkiye remains the closest partner, officials say.',
];

/** One block of a generated DOCX. */
export type DocxBlock = { heading: 1 | 2 | 3; text: string } | { text: string; bold?: string } | { bullet: string } | { quote: string };

/** A DOCX with the given blocks and core properties (title, creator). */
export async function makeDocx(blocks: DocxBlock[], core: { title?: string; creator?: string } = {}): Promise<Uint8Array> {
  const headingLevels = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
  const children = blocks.map((block) => {
    if ('heading' in block) return new Paragraph({ text: block.text, heading: headingLevels[block.heading] });
    if ('bullet' in block) return new Paragraph({ text: block.bullet, bullet: { level: 0 } });
    if ('quote' in block) return new Paragraph({ text: block.quote, style: 'Quote' });
    const runs = [new TextRun(block.text)];
    if (block.bold) runs.push(new TextRun({ text: block.bold, bold: true }));
    return new Paragraph({ children: runs });
  });
  const document = new Document({ ...core, sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** One page of a generated PDF: paragraphs of lines, a blank line's height between paragraphs. */
export type PdfPage = string[][];

/** A PDF drawing `pages` in Helvetica 12 pt, lines 16 pt apart (a page that fills up continues on a new one), with the given info dictionary. */
export async function makePdf(
  pages: PdfPage[],
  info: { title?: string; author?: string; creationDate?: Date } = {},
): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  if (info.title !== undefined) pdf.setTitle(info.title);
  if (info.author !== undefined) pdf.setAuthor(info.author);
  pdf.setCreationDate(info.creationDate ?? new Date('2020-01-01T00:00:00Z'));
  pdf.setModificationDate(new Date('2020-01-01T00:00:00Z'));
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const paragraphs of pages) {
    let page = pdf.addPage([612, 792]);
    let y = 740;
    for (const lines of paragraphs) {
      for (const line of lines) {
        if (y < 40) {
          y = 740;
          page = pdf.addPage([612, 792]);
        }
        page.drawText(line, { x: 50, y, size: 12, font });
        y -= 16;
      }
      y -= 16;
    }
  }
  return pdf.save({ useObjectStreams: false });
}

/** A PDF whose only page has a drawing and no text (what a scan looks like to a text layer). */
export async function makeTextlessPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.addPage([612, 792]).drawRectangle({ x: 50, y: 50, width: 200, height: 100 });
  return pdf.save();
}

/** A small ZIP holding a DOCX-like entry that inflates to `inflatedBytes` of zeros. */
export function makeZipBomb(inflatedBytes: number): Uint8Array {
  return zipSync({ 'word/document.xml': new Uint8Array(inflatedBytes), '[Content_Types].xml': new TextEncoder().encode('<Types/>') }, { level: 9 });
}

/** UTF-8 bytes of a string. */
export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** The textblocks of a converted document as `kind:text` lines (`h1`…`h4`, `p`, `bullet`, `ordered`, `quote`). */
export function outlineOf(doc: import('prosemirror-model').Node): string[] {
  const lines: string[] = [];
  doc.forEach((block) => {
    if (block.type.name === 'heading') lines.push(`h${block.attrs.level as number}:${block.textContent}`);
    else if (block.type.name === 'paragraph') lines.push(`p:${block.textContent}`);
    else if (block.type.name === 'blockquote') block.forEach((paragraph) => lines.push(`quote:${paragraph.textContent}`));
    else block.forEach((item) => lines.push(`${block.type.name === 'bullet_list' ? 'bullet' : 'ordered'}:${item.textContent}`));
  });
  return lines;
}
