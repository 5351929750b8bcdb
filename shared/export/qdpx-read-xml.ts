/**
 * Reading the elements of a REFI-QDA project document (`.qde`, QDA-XML 1.0) into plain
 * records: users, the code tree, notes and text sources with their selections and codings.
 * Each declared GUID is checked here (present, not declared twice); what cannot be read is
 * listed in the reader's `skipped` with its reason, never silently dropped. References
 * between records are resolved afterwards, once everything is declared (qdpx-read.ts).
 */
import type { QdpxCode, QdpxCoding, QdpxNote, QdpxSkipped, QdpxUser } from './qdpx-project.ts';
import { childElements, textContent, type XmlElement } from './xml-read.ts';

/** A GUID as compared and stored: trimmed, braces dropped, lower case. */
export function normaliseGuid(value: string): string {
  return value.trim().replace(/^\{(.*)\}$/, '$1').toLowerCase();
}

/** A time attribute in ms since the epoch, or undefined when absent or not a date. */
export function readTime(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}

/** The GUIDs of an element's NoteRef children. */
export function noteRefsOf(element: XmlElement): string[] {
  return childElements(element, 'NoteRef').flatMap((ref) => (ref.attributes.targetGUID ? [normaliseGuid(ref.attributes.targetGUID)] : []));
}

function optionalGuid(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : normaliseGuid(value);
}

/** What the reader collects while walking one `.qde`. */
export class QdeReader {
  /** Everything not brought over, in file order. */
  readonly skipped: QdpxSkipped[] = [];
  /** GUID → how the thing that first declared it is called, for the duplicate message. */
  private readonly declared = new Map<string, string>();

  /** Lists `what` as skipped. */
  skip(entry: QdpxSkipped): void {
    this.skipped.push(entry);
  }

  /** The element's GUID if it has one not declared before; otherwise lists the element as skipped and returns undefined. */
  declare(kind: string, element: XmlElement): string | undefined {
    const name = element.attributes.name;
    const raw = element.attributes.guid;
    if (raw === undefined || raw.trim() === '') {
      this.skip({ kind, ...(name ? { name } : {}), reason: `a ${element.name} without a guid` });
      return undefined;
    }
    const guid = normaliseGuid(raw);
    const first = this.declared.get(guid);
    if (first !== undefined) {
      this.skip({ kind, guid, ...(name ? { name } : {}), reason: `duplicate GUID: already used by ${first}` });
      return undefined;
    }
    this.declared.set(guid, name ? `${kind} “${name}”` : `a ${kind}`);
    return guid;
  }
}

/** The project's users. */
export function readUsers(reader: QdeReader, project: XmlElement): QdpxUser[] {
  return childElements(project, 'Users').flatMap((users) => childElements(users, 'User')).flatMap((user) => {
    const guid = reader.declare('user', user);
    return guid === undefined ? [] : [{ guid, name: (user.attributes.name ?? '').trim() }];
  });
}

function readCodeList(reader: QdeReader, parent: XmlElement, depth: number): QdpxCode[] {
  return childElements(parent, 'Code').flatMap((code): QdpxCode[] => {
    const guid = reader.declare('code', code);
    if (guid === undefined) return [];
    const name = (code.attributes.name ?? '').trim();
    const children = depth >= 50 ? [] : readCodeList(reader, code, depth + 1);
    if (depth >= 50 && childElements(code, 'Code').length > 0) reader.skip({ kind: 'code', guid, name, reason: 'its sub-codes are nested more than 50 levels deep' });
    if (!name) {
      reader.skip({ kind: 'code', guid, reason: 'a code without a name (its sub-codes and codings are not imported either)' });
      return [];
    }
    const colour = code.attributes.color?.trim();
    let hex: string | undefined;
    if (colour !== undefined && colour !== '') {
      const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(colour);
      hex = short ? `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`.toLowerCase() : /^#[0-9a-f]{6}$/i.test(colour) ? colour.toLowerCase() : undefined;
      if (hex === undefined) reader.skip({ kind: 'code colour', guid, name, reason: `"${colour}" is not a #RRGGBB colour; a palette colour is used` });
    }
    const description = childElements(code, 'Description').map(textContent).join('\n').trim();
    return [{ guid, name, colour: hex, description, noteRefs: noteRefsOf(code), children }];
  });
}

/** The code tree (roots first, children nested). */
export function readCodes(reader: QdeReader, project: XmlElement): QdpxCode[] {
  return childElements(project, 'CodeBook').flatMap((book) => childElements(book, 'Codes')).flatMap((codes) => readCodeList(reader, codes, 0));
}

/** The project's notes (their plain text; selections inside a note are not read). */
export function readNotes(reader: QdeReader, project: XmlElement): QdpxNote[] {
  return childElements(project, 'Notes').flatMap((notes) => childElements(notes, 'Note')).flatMap((note) => {
    const guid = reader.declare('note', note);
    if (guid === undefined) return [];
    const name = note.attributes.name ?? '';
    const content = childElements(note, 'PlainTextContent');
    if (content.length === 0 && note.attributes.plainTextPath) reader.skip({ kind: 'note', guid, name, reason: 'its text is in a separate file; only the name is imported' });
    if (childElements(note, 'PlainTextSelection').length > 0) reader.skip({ kind: 'note', guid, name, reason: 'selections inside a note are not imported (the note’s text is)' });
    const text = content.map(textContent).join('\n');
    return [{ guid, name, text, userGuid: optionalGuid(note.attributes.creatingUser), created: readTime(note.attributes.creationDateTime), modified: readTime(note.attributes.modifiedDateTime) }];
  });
}

/** A selection as written, offsets not yet checked against its text. */
export type WrittenSelection = {
  readonly guid: string;
  readonly name: string;
  readonly start: string | undefined;
  readonly end: string | undefined;
  readonly userGuid: string | undefined;
  readonly created: number | undefined;
  readonly codings: readonly QdpxCoding[];
  readonly noteRefs: readonly string[];
};

/** A text source as written: its inline text or the path of its text file, and its selections. */
export type WrittenTextSource = {
  readonly guid: string;
  readonly name: string;
  readonly inlineText: string | undefined;
  readonly plainTextPath: string | undefined;
  readonly richTextPath: string | undefined;
  readonly selections: readonly WrittenSelection[];
  readonly noteRefs: readonly string[];
};

function readCodings(reader: QdeReader, parent: XmlElement): QdpxCoding[] {
  return childElements(parent, 'Coding').flatMap((coding) => {
    const guid = reader.declare('coding', coding);
    if (guid === undefined) return [];
    const target = childElements(coding, 'CodeRef')[0]?.attributes.targetGUID;
    if (!target) {
      reader.skip({ kind: 'coding', guid, reason: 'a Coding without a CodeRef' });
      return [];
    }
    return [{ guid, codeGuid: normaliseGuid(target), userGuid: optionalGuid(coding.attributes.creatingUser), created: readTime(coding.attributes.creationDateTime) }];
  });
}

const OTHER_SOURCES: Readonly<Record<string, string>> = { PictureSource: 'picture', PDFSource: 'PDF', AudioSource: 'audio', VideoSource: 'video' };

function skipOtherSource(reader: QdeReader, source: XmlElement): void {
  const kind = OTHER_SOURCES[source.name] as string;
  const guid = reader.declare('source', source);
  const name = source.attributes.name ?? '';
  if (guid !== undefined) reader.skip({ kind: 'source', guid, name, reason: `a ${kind} source: Marginalia imports text sources only` });
  for (const child of source.children) {
    if (typeof child === 'string' || !child.name.endsWith('Selection')) continue;
    reader.skip({ kind: 'selection', ...(child.attributes.guid ? { guid: normaliseGuid(child.attributes.guid) } : {}), name: child.attributes.name ?? '', reason: `a ${child.name} of the ${kind} source “${name}”` });
  }
}

/** The project's text sources; picture, PDF, audio and video sources are listed as skipped with their selections. */
export function readSources(reader: QdeReader, project: XmlElement): WrittenTextSource[] {
  const out: WrittenTextSource[] = [];
  for (const source of childElements(project, 'Sources').flatMap((sources) => sources.children.filter((child): child is XmlElement => typeof child !== 'string'))) {
    if (source.name in OTHER_SOURCES) {
      skipOtherSource(reader, source);
      continue;
    }
    if (source.name !== 'TextSource') {
      reader.skip({ kind: 'source', name: source.attributes.name ?? source.name, reason: `unknown source element <${source.name}>` });
      continue;
    }
    const guid = reader.declare('source', source);
    if (guid === undefined) continue;
    const name = source.attributes.name ?? '';
    for (const coding of readCodings(reader, source)) reader.skip({ kind: 'coding', guid: coding.guid, name, reason: 'a coding of a whole source (Marginalia codes passages)' });
    const selections = childElements(source, 'PlainTextSelection').flatMap((selection): WrittenSelection[] => {
      const selectionGuid = reader.declare('selection', selection);
      if (selectionGuid === undefined) return [];
      const codings = readCodings(reader, selection);
      const noteRefs = [...noteRefsOf(selection), ...childElements(selection, 'Coding').flatMap(noteRefsOf)];
      const { startPosition, endPosition, creatingUser, creationDateTime } = selection.attributes;
      return [{ guid: selectionGuid, name: selection.attributes.name ?? '', start: startPosition, end: endPosition, userGuid: optionalGuid(creatingUser), created: readTime(creationDateTime), codings, noteRefs }];
    });
    const inline = childElements(source, 'PlainTextContent');
    out.push({
      guid,
      name,
      inlineText: inline.length > 0 ? inline.map(textContent).join('') : undefined,
      plainTextPath: source.attributes.plainTextPath,
      richTextPath: source.attributes.richTextPath,
      selections,
      noteRefs: noteRefsOf(source),
    });
  }
  return out;
}
