/**
 * `readQdpx(bytes)`: a REFI-QDA project archive (`.qdpx`) read into a {@link QdpxProject}, the
 * plan of an import, without writing anything.
 *
 * Refused as a whole (throws {@link QdpxRefusal}): a file that is not a zip, too large, a
 * zip bomb (qdpx-archive.ts), no `.qde` at the root, a `.qde` that is not UTF-8 or not
 * well-formed XML, a root that is not a `<Project>`. Everything else is read as far as it
 * can be and what cannot come over is listed in `skipped` with its reason: picture, PDF,
 * audio and video sources and their selections, sources whose text file is missing or not
 * text, selections outside their text or with unreadable offsets, references to unknown
 * codes, users or notes, duplicate GUIDs, sets and the other parts Marginalia has no place
 * for (variables, cases, links, graphs).
 *
 * Source text files are found under `sources/` (any case) by their `internal://` path; a
 * text's byte-order mark is dropped and its line ends become LF, and every selection's
 * code-point offsets are converted to UTF-16 offsets of that normalised text (qdpx-text.ts).
 */
import { archiveKey, openQdpxArchive, QDPX_LIMITS, QdpxRefusal, type QdpxArchive, type QdpxLimits } from './qdpx-archive.ts';
import type { QdpxCode, QdpxNote, QdpxProject, QdpxSelection, QdpxTextSource, QdpxUser } from './qdpx-project.ts';
import { noteRefsOf, QdeReader, readCodes, readNotes, readSources, readUsers, type WrittenTextSource } from './qdpx-read-xml.ts';
import { decodeTextFile, SourceText } from './qdpx-text.ts';
import { childElements, readXml, XmlReadError, type XmlElement } from './xml-read.ts';

export { QdpxRefusal } from './qdpx-archive.ts';

/** Project parts Marginalia has no place for: listed as skipped, one entry per element. */
const IGNORED_PARTS: Readonly<Record<string, { readonly item: string; readonly reason: string }>> = {
  Sets: { item: 'Set', reason: 'sets are not imported' },
  Variables: { item: 'Variable', reason: 'variables are not imported' },
  Cases: { item: 'Case', reason: 'cases are not imported' },
  Links: { item: 'Link', reason: 'links are not imported' },
  Graphs: { item: 'Graph', reason: 'graphs are not imported' },
};

function sourceTextBytes(reader: QdeReader, archive: QdpxArchive, source: WrittenTextSource): Uint8Array | string | undefined {
  if (source.inlineText !== undefined) return source.inlineText;
  const skip = (reason: string) => reader.skip({ kind: 'source', guid: source.guid, name: source.name, reason });
  const path = source.plainTextPath?.trim();
  if (!path) {
    skip(source.richTextPath ? `only a rich-text file (${source.richTextPath}) and no plain text` : 'no text: neither PlainTextContent nor plainTextPath');
    return undefined;
  }
  const internal = /^internal:\/\/(.*)$/i.exec(path);
  if (!internal && /^[a-z]+:\/\//i.test(path)) {
    skip(`its text is outside the archive (${path})`);
    return undefined;
  }
  const name = internal ? (internal[1] as string) : path;
  let file = archive.files.get(archiveKey(`sources/${name}`)) ?? archive.files.get(archiveKey(name));
  if (!file) {
    try {
      file = archive.files.get(archiveKey(`sources/${decodeURIComponent(name)}`));
    } catch {
      file = undefined;
    }
  }
  if (!file) {
    skip(`its text file ${path} is not in the archive`);
    return undefined;
  }
  return file.bytes;
}

function readSelections(reader: QdeReader, source: WrittenTextSource, text: SourceText): QdpxSelection[] {
  return source.selections.flatMap((selection): QdpxSelection[] => {
    const skip = (reason: string) => reader.skip({ kind: 'selection', guid: selection.guid, name: selection.name, reason: `${reason} (source “${source.name}”)` });
    const integer = /^\s*\+?\d{1,15}\s*$/;
    if (selection.start === undefined || selection.end === undefined || !integer.test(selection.start) || !integer.test(selection.end)) {
      skip(`unreadable offsets ${JSON.stringify(selection.start ?? null)}..${JSON.stringify(selection.end ?? null)}`);
      return [];
    }
    const codePoints = { start: Number(selection.start), end: Number(selection.end) };
    if (codePoints.end <= codePoints.start) {
      skip(`an empty or reversed span ${codePoints.start}..${codePoints.end}`);
      return [];
    }
    const start = text.offsetOf(codePoints.start);
    const end = text.offsetOf(codePoints.end);
    if (start === undefined || end === undefined) {
      skip(`span ${codePoints.start}..${codePoints.end} is outside the text`);
      return [];
    }
    return [{ ...selection, codePoints, start, end }];
  });
}

/** Drops references to things the plan does not hold, listing each. */
function resolveReferences(reader: QdeReader, users: QdpxUser[], codes: QdpxCode[], notes: QdpxNote[], sources: QdpxTextSource[], projectNoteRefs: string[]) {
  const userGuids = new Set(users.map((user) => user.guid));
  const codeGuids = new Set<string>();
  const collect = (list: readonly QdpxCode[]) => list.forEach((code) => (codeGuids.add(code.guid), collect(code.children)));
  collect(codes);
  const noteGuids = new Set(notes.map((note) => note.guid));
  const user = (guid: string | undefined, what: string): string | undefined => {
    if (guid === undefined || userGuids.has(guid)) return guid;
    reader.skip({ kind: 'user reference', guid, reason: `${what} names an unknown user; attributed to the person importing` });
    return undefined;
  };
  const noteRefs = (refs: readonly string[], what: string) =>
    refs.filter((ref) => noteGuids.has(ref) || (reader.skip({ kind: 'note reference', guid: ref, reason: `${what} refers to an unknown note` }), false));
  const fixCodes = (list: readonly QdpxCode[]): QdpxCode[] => list.map((code) => ({ ...code, noteRefs: noteRefs(code.noteRefs, `code “${code.name}”`), children: fixCodes(code.children) }));
  return {
    codes: fixCodes(codes),
    notes: notes.map((note) => ({ ...note, userGuid: user(note.userGuid, `note “${note.name}”`) })),
    projectNoteRefs: noteRefs(projectNoteRefs, 'the project'),
    sources: sources.map((source) => ({
      ...source,
      noteRefs: noteRefs(source.noteRefs, `source “${source.name}”`),
      selections: source.selections.map((selection) => {
        const what = `selection “${selection.name}” in “${source.name}”`;
        const codings = selection.codings.filter((coding) => codeGuids.has(coding.codeGuid) || (reader.skip({ kind: 'coding', guid: coding.guid, reason: `${what} is coded with an unknown code ${coding.codeGuid}` }), false));
        return {
          ...selection,
          userGuid: user(selection.userGuid, what),
          codings: codings.map((coding) => ({ ...coding, userGuid: user(coding.userGuid, `a coding of ${what}`) })),
          noteRefs: noteRefs(selection.noteRefs, what),
        };
      }),
    })),
  };
}

function projectElement(qde: Uint8Array, qdeName: string): XmlElement {
  let xml: string;
  try {
    xml = decodeTextFile(qde);
  } catch {
    throw new QdpxRefusal(`${qdeName} is not UTF-8 text`);
  }
  let root: XmlElement;
  try {
    root = readXml(xml);
  } catch (error) {
    throw new QdpxRefusal(`${qdeName} is not well-formed XML: ${error instanceof XmlReadError ? error.message : String(error)}`);
  }
  if (root.name !== 'Project') throw new QdpxRefusal(`${qdeName} is not a REFI-QDA project (its root is <${root.name}>, expected <Project>)`);
  return root;
}

/** Reads a `.qdpx` into the plan of an import (see the module comment); throws {@link QdpxRefusal} when it cannot be imported at all. */
export function readQdpx(bytes: Uint8Array, limits: QdpxLimits = QDPX_LIMITS): QdpxProject {
  const archive = openQdpxArchive(bytes, limits);
  const project = projectElement(archive.qde, archive.qdeName);
  const reader = new QdeReader();
  const users = readUsers(reader, project);
  const codes = readCodes(reader, project);
  const written = readSources(reader, project);
  const notes = readNotes(reader, project);
  for (const [part, { item, reason }] of Object.entries(IGNORED_PARTS)) {
    for (const element of childElements(project, part).flatMap((list) => childElements(list, item))) {
      reader.skip({ kind: item.toLowerCase(), ...(element.attributes.guid ? { guid: element.attributes.guid.toLowerCase() } : {}), name: element.attributes.name ?? '', reason });
    }
  }
  const sources: QdpxTextSource[] = [];
  for (const source of written) {
    const content = sourceTextBytes(reader, archive, source);
    if (content === undefined) {
      for (const selection of source.selections) reader.skip({ kind: 'selection', guid: selection.guid, name: selection.name, reason: `its source “${source.name}” is not imported` });
      continue;
    }
    let text: SourceText;
    try {
      text = new SourceText(typeof content === 'string' ? content : decodeTextFile(content));
    } catch {
      reader.skip({ kind: 'source', guid: source.guid, name: source.name, reason: 'its text file is not UTF-8 text' });
      for (const selection of source.selections) reader.skip({ kind: 'selection', guid: selection.guid, name: selection.name, reason: `its source “${source.name}” is not imported` });
      continue;
    }
    sources.push({ guid: source.guid, name: source.name, text: text.text, selections: readSelections(reader, source, text), noteRefs: source.noteRefs });
  }
  const resolved = resolveReferences(reader, users, codes, notes, sources, noteRefsOf(project));
  const creator = project.attributes.creatingUserGUID?.replace(/[{}]/g, '').trim().toLowerCase();
  return {
    name: (project.attributes.name ?? '').trim(),
    origin: project.attributes.origin,
    creatingUserGuid: creator !== undefined && users.some((user) => user.guid === creator) ? creator : undefined,
    users,
    ...resolved,
    skipped: reader.skipped,
  };
}
