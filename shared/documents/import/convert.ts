/**
 * The public entry point of document conversion: a user's own file (Markdown, plain
 * text, HTML, DOCX or PDF) becomes an article file in the dialect (`../markdown.ts`),
 * identified by the hash of its canonical text.
 *
 * Pure and deterministic: the same bytes and name give the same article file and id on
 * every machine, in the renderer, the command line and the sync server alike. The format
 * comes from the extension, checked against the magic bytes. The readers of DOCX and PDF
 * (mammoth, pdf.js) are large, so each format's module is imported only when a file of
 * that format is converted: a bundle that never converts a PDF never loads pdf.js.
 * Every refusal is a {@link ConvertError} with its reason.
 */
import type { ConvertedDocument } from './article-file.ts';
import { detectFormat, decodeText } from './detect.ts';
import type { ConvertLimits } from './errors.ts';
import { ConvertError, formatBytes, resolveLimits } from './errors.ts';
import { convertPlainText } from './plain-text.ts';

export type { ConvertedDocument, DocumentFormat, StatedFacts } from './article-file.ts';
export { documentIdOf } from './article-file.ts';
export type { ConvertErrorReason, ConvertLimits } from './errors.ts';
export { ConvertError, defaultConvertLimits } from './errors.ts';
export { convertPlainText };

/**
 * Converts a file's bytes, its format chosen by `fileName`'s extension.
 * Throws {@link ConvertError}: `too-large`, `too-long`, `unsupported`, `malformed`,
 * `no-text` or `zip-bomb`, the message naming the file and the reason.
 */
export async function convertDocument(bytes: Uint8Array, fileName: string, options?: ConvertLimits): Promise<ConvertedDocument> {
  const limits = resolveLimits(options);
  if (bytes.length > limits.maxFileBytes) {
    throw new ConvertError('too-large', fileName,
      `the file is ${formatBytes(bytes.length)}, larger than the ${formatBytes(limits.maxFileBytes)} a document may be`);
  }
  const format = detectFormat(bytes, fileName);
  switch (format) {
    case 'txt':
      return convertPlainText(decodeText(bytes, fileName), fileName, limits).converted;
    case 'md':
      return (await import('./markdown.ts')).convertMarkdown(decodeText(bytes, fileName), fileName, limits);
    case 'html':
      return (await import('./html.ts')).convertHtml(bytes, fileName, limits);
    case 'docx':
      return (await import('./docx.ts')).convertDocx(bytes, fileName, limits);
    case 'pdf':
      return (await import('./pdf.ts')).convertPdf(bytes, fileName, limits);
  }
}
