/**
 * DOCX → reader document: the ZIP checked first (`zip-guard.ts`), then mammoth turns the
 * Word document into HTML (headings from Word's heading styles, lists, tables, quotes) and
 * the HTML path reads that. Images are left out (not text). Stated facts come from the
 * core properties, `docProps/core.xml`: `dc:title`, `dc:creator`, `dcterms:created`.
 */
import { unzipSync } from 'fflate';
import { parseDocument } from 'htmlparser2';
import mammoth from 'mammoth';
import type { ConvertedDocument, StatedFacts } from './article-file.ts';
import { finishConversion, noFacts, statedValue } from './article-file.ts';
import { blocksToDoc } from './blocks.ts';
import { ConvertError } from './errors.ts';
import type { ResolvedConvertLimits } from './errors.ts';
import { readHtml } from './html.ts';
import type { DomNode } from './html-walk.ts';
import { rawTextOf } from './html-walk.ts';
import { checkZip } from './zip-guard.ts';

declare const TextDecoder: new (label: string) => { decode(input: Uint8Array): string };

/** The text of the first element named `name` (namespace prefix included) under `node`. */
function elementText(node: DomNode, name: string): string | null {
  for (const child of node.children ?? []) {
    if (child.name?.toLowerCase() === name) return rawTextOf(child);
    const inner = elementText(child, name);
    if (inner !== null) return inner;
  }
  return null;
}

/** The facts of `docProps/core.xml`, or none when the archive has no such entry. */
export function coreProperties(bytes: Uint8Array): StatedFacts {
  const files = unzipSync(bytes, { filter: (file) => file.name === 'docProps/core.xml' });
  const core = files['docProps/core.xml'];
  if (!core) return { ...noFacts };
  const xml = parseDocument(new TextDecoder('utf-8').decode(core), { xmlMode: true }) as unknown as DomNode;
  return {
    title: statedValue(elementText(xml, 'dc:title')),
    author: statedValue(elementText(xml, 'dc:creator')),
    publisher: null,
    date: statedValue(elementText(xml, 'dcterms:created')),
  };
}

/** Converts the bytes of a DOCX file. */
export async function convertDocx(bytes: Uint8Array, fileName: string, limits: ResolvedConvertLimits): Promise<ConvertedDocument> {
  const entries = checkZip(bytes, fileName, limits);
  if (!entries.some((entry) => entry.name === 'word/document.xml')) {
    throw new ConvertError('malformed', fileName, 'this is not a Word document (the archive has no word/document.xml)');
  }
  let html: string;
  try {
    const copy = bytes.slice();
    const input = { buffer: copy, arrayBuffer: copy.buffer } as unknown as Parameters<typeof mammoth.convertToHtml>[0];
    const result = await mammoth.convertToHtml(input, {
      externalFileAccess: false,
      convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
    });
    html = result.value;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ConvertError('malformed', fileName, `this Word document cannot be read (${detail})`);
  }
  let facts: StatedFacts;
  try {
    facts = coreProperties(bytes);
  } catch {
    facts = { ...noFacts };
  }
  return finishConversion(blocksToDoc(readHtml(html, fileName).blocks), facts, 'docx', fileName, limits);
}
