/**
 * Which format a file is, from its name's extension checked against its first bytes, and
 * how its bytes become text.
 *
 * The extension says what the person believes the file is; the magic bytes (`%PDF` for
 * PDF, `PK` for a ZIP such as DOCX) say what it is. When they disagree the file is
 * refused with both named, rather than read as something it is not.
 */
import type { DocumentFormat } from './article-file.ts';
import { ConvertError } from './errors.ts';

declare const TextDecoder: new (label: string, options?: { fatal?: boolean }) => { decode(input: Uint8Array): string };

const formatsByExtension: Record<string, DocumentFormat> = {
  md: 'md', markdown: 'md', txt: 'txt', text: 'txt', html: 'html', htm: 'html', xhtml: 'html', docx: 'docx', pdf: 'pdf',
};

const formatNames: Record<DocumentFormat, string> = { md: 'Markdown', txt: 'plain text', html: 'HTML', docx: 'DOCX', pdf: 'PDF' };

/** What the first bytes say the file is. */
type Magic = 'pdf' | 'zip' | 'none';

function magicOf(bytes: Uint8Array): Magic {
  const head = String.fromCharCode(...bytes.subarray(0, 1024));
  if (head.startsWith('PK\x03\x04') || head.startsWith('PK\x05\x06')) return 'zip';
  if (/^[\s\0]*%PDF-/.test(head)) return 'pdf';
  return 'none';
}

/** The lowercase extension of a file name, without the dot ('' when there is none). */
export function extensionOf(fileName: string): string {
  const name = fileName.split(/[\\/]/).pop() ?? '';
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** The format to read `bytes` as; throws {@link ConvertError} when unsupported or contradicted by the bytes. */
export function detectFormat(bytes: Uint8Array, fileName: string): DocumentFormat {
  const extension = extensionOf(fileName);
  const format = formatsByExtension[extension];
  if (format === undefined) {
    const supported = '.md, .txt, .html, .docx or .pdf';
    const hint = extension === 'doc' ? ' (an old Word file: save it as .docx)' : '';
    throw new ConvertError('unsupported', fileName,
      `${extension === '' ? 'a file without an extension' : `.${extension} files`} cannot be added${hint}; add a ${supported} file`);
  }
  const magic = magicOf(bytes);
  const expected: Magic = format === 'pdf' ? 'pdf' : format === 'docx' ? 'zip' : 'none';
  if (magic === expected) return format;
  const actual = magic === 'pdf' ? 'a PDF' : magic === 'zip' ? 'a ZIP archive (such as a DOCX)' : 'neither a PDF nor a ZIP archive';
  if (magic !== 'none') {
    throw new ConvertError('malformed', fileName,
      `the name says ${formatNames[format]} but the content is ${actual}; give the file the extension of what it is`);
  }
  throw new ConvertError('malformed', fileName,
    format === 'pdf' ? 'this is not a PDF (it does not start with %PDF)' : 'this is not a DOCX (it is not a ZIP archive)');
}

/**
 * Decodes a text file: a byte-order mark decides (UTF-8, UTF-16), else UTF-8 when the
 * bytes are valid UTF-8, else `fallback` (windows-1252 unless a document declares
 * otherwise). Throws {@link ConvertError} `malformed` for binary data (NUL characters).
 */
export function decodeText(bytes: Uint8Array, fileName: string, fallback = 'windows-1252'): string {
  let text: string;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) text = new TextDecoder('utf-8').decode(bytes.subarray(3));
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = decodeWith(fallback, bytes);
    }
  }
  if (text.includes('\0')) throw new ConvertError('malformed', fileName, 'this is binary data, not text');
  return text;
}

function decodeWith(label: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
