/**
 * Seeding the codebook from a REFI-QDA `.qdc` file (or the CodeBook of a `.qde`).
 *
 * Every Code becomes a tag with its name, colour, description and place in the hierarchy.
 * A code whose name matches an existing live tag (case-insensitively, after trimming) is
 * not duplicated: the existing tag is reused and the code's children go under it. The
 * file is read and checked completely before anything is written, and all tags are
 * created in one transaction, so a bad file leaves the project untouched.
 */
import type * as Y from 'yjs';
import type { TagId } from '../model/ids.ts';
import { createTag } from '../model/tags.ts';
import { buildTagIndex } from '../model/tag-index.ts';
import type { Actor } from '../model/write.ts';
import { localOrigin } from '../model/origins.ts';
import { checkSchema } from '../model/schema.ts';
import { childElements, readXml, textContent, XmlReadError, type XmlElement } from './xml-read.ts';

/** The platform's UTF-8 decoder (present in browsers and Node; the shared tsconfig has no DOM lib). */
declare const TextDecoder: new (label: string, options?: { fatal?: boolean }) => { decode(input: Uint8Array): string };

/** Largest import file accepted (bytes). */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;

/** A code read from the file. */
type CodeSpec = { readonly name: string; readonly colour: string | undefined; readonly description: string; readonly children: CodeSpec[] };

/** Result of a codebook import. */
export type CodebookImportResult =
  | { readonly ok: true; readonly created: number; readonly matched: number }
  | { readonly ok: false; readonly error: string };

function readCodes(parent: XmlElement, depth: number): CodeSpec[] {
  if (depth > 50) throw new XmlReadError('codes nested more than 50 levels deep');
  return childElements(parent, 'Code').map((code) => {
    const name = code.attributes.name?.trim();
    if (!name) throw new XmlReadError('a Code has no name');
    const colour = code.attributes.color;
    if (colour !== undefined && !/^#([0-9a-f]{6}|[0-9a-f]{3})$/i.test(colour)) throw new XmlReadError(`Code "${name}" has an invalid color "${colour}"`);
    const description = childElements(code, 'Description').map(textContent).join('\n').trim();
    return { name, colour: colour?.toLowerCase(), description, children: readCodes(code, depth + 1) };
  });
}

/** Reads the codes of a `.qdc` (CodeBook root) or `.qde` (Project root) document. */
export function readCodebookXml(xml: string): CodeSpec[] {
  const root = readXml(xml);
  const book = root.name === 'CodeBook' ? root : root.name === 'Project' ? childElements(root, 'CodeBook')[0] : undefined;
  if (!book) throw new XmlReadError(`expected a CodeBook, found <${root.name}>`);
  const codes = childElements(book, 'Codes')[0];
  if (!codes) throw new XmlReadError('the CodeBook has no Codes');
  return readCodes(codes, 0);
}

/** Seeds `doc`'s codebook from REFI-QDA codebook bytes or text. */
export function importCodebook(doc: Y.Doc, actor: Actor, input: string | Uint8Array): CodebookImportResult {
  const size = typeof input === 'string' ? input.length * 3 : input.length;
  if (size > IMPORT_MAX_BYTES) return { ok: false, error: `the file is too large (limit ${IMPORT_MAX_BYTES / 1024 / 1024} MB)` };
  let codes: CodeSpec[];
  try {
    const text = typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: true }).decode(input);
    codes = readCodebookXml(text);
  } catch (error) {
    const reason = error instanceof XmlReadError ? error.message : error instanceof TypeError ? 'the file is not UTF-8 text' : String(error);
    return { ok: false, error: `not a readable REFI-QDA codebook: ${reason}` };
  }
  const schema = checkSchema(doc);
  if (!schema.writable) return { ok: false, error: `read-only project: ${schema.reason}` };
  const index = buildTagIndex(doc);
  const existing = new Map<string, TagId>();
  for (const [id, tag] of index.tags) if (index.isLive(id)) existing.set(tag.name.trim().toLowerCase(), id);
  let created = 0;
  let matched = 0;
  doc.transact(() => {
    const add = (spec: CodeSpec, parentId: TagId | null) => {
      let id = existing.get(spec.name.toLowerCase());
      if (id) matched++;
      else {
        id = createTag(doc, actor, { name: spec.name, ...(spec.colour ? { colour: spec.colour } : {}), description: spec.description, parentId });
        existing.set(spec.name.toLowerCase(), id);
        created++;
      }
      for (const child of spec.children) add(child, id);
    };
    for (const code of codes) add(code, null);
  }, localOrigin(actor.member));
  return { ok: true, created, matched };
}
