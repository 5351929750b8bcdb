/**
 * REFI-QDA (QDA-XML 1.0) export: the `.qdpx` project (zip of `project.qde` + one
 * `sources/<guid>.txt` per document) and the `.qdc` codebook.
 *
 * Shape, per the schema's order (Users, CodeBook, Sources, Notes): members become Users;
 * the live codebook becomes nested Codes with `#RRGGBB` colours; each document becomes a
 * TextSource whose plain text is its canonical text (LF only, UTF-8) and each anchored
 * excerpt a PlainTextSelection (code-point offsets, end exclusive) with one Coding per tag
 * (creatingUser = who applied it); the note and each reply become Notes referenced from
 * the selection through NoteRef. An unanchored excerpt has no trustworthy offsets, so it is
 * exported as a Note on its document ("Unanchored highlight: …") instead of a selection.
 * Memos become notes and code descriptions (refi-qda-memos.ts).
 *
 * Characters XML 1.0 cannot carry are removed from names and notes and counted in the
 * result's `removedCharacters`; source texts are separate files and never altered except
 * CR → LF (same length, so offsets stay exact).
 */
import { zipSync, strToU8 } from 'fflate';
import type { CodebookEntry, Excerpt, ExcerptNote, ExportContext } from './excerpt.ts';
import { ExportError } from './export-error.ts';
import { codeDescription, qdaMemos, type QdaMemos } from './refi-qda-memos.ts';
import { attributes, XmlWriterReport } from './xml.ts';
import { entityUuid } from './units.ts';

/** Namespace of `.qde` project files. */
export const QDA_PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0';
/** Namespace of `.qdc` codebook files. */
export const QDA_CODEBOOK_NAMESPACE = 'urn:QDA-XML:codebook:1.0';

/** A written REFI-QDA file and what had to be dropped to write it. */
export type RefiQdaOutput<T> = {
  readonly data: T;
  /** Characters removed from names/notes because XML 1.0 cannot represent them. */
  readonly removedCharacters: number;
};

/** A colour as REFI-QDA wants it (`#RRGGBB`), or undefined if the stored colour is not hex. */
export function refiColour(colour: string): string | undefined {
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(colour);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`.toUpperCase();
  return /^#[0-9a-f]{6}$/i.test(colour) ? colour.toUpperCase() : undefined;
}

/** GUIDs used in a REFI-QDA export (stable across re-exports of the same project). */
export const refiGuid = {
  user: (memberId: string) => entityUuid('member', memberId),
  code: (tagId: string) => entityUuid('tag', tagId),
  source: (documentId: string) => entityUuid('document', documentId),
  selection: (highlightId: string) => entityUuid('highlight', highlightId),
  coding: (highlightId: string, tagId: string) => entityUuid('coding', `${highlightId}/${tagId}`),
  note: (noteId: string) => entityUuid('note', noteId),
  reply: (replyId: string) => entityUuid('reply', replyId),
  unanchored: (highlightId: string) => entityUuid('unanchored', highlightId),
};

function codesXml(report: XmlWriterReport, codebook: readonly CodebookEntry[], indent: string, codeMemos: ReadonlyMap<string, string>): string {
  const children = new Map<string | null, CodebookEntry[]>();
  const known = new Set(codebook.map((entry) => entry.id));
  for (const entry of codebook) {
    const parent = entry.parentId !== null && known.has(entry.parentId) ? entry.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(entry);
    children.set(parent, list);
  }
  const render = (entry: CodebookEntry, depth: string): string => {
    const attrs = attributes(report, { guid: refiGuid.code(entry.id), name: entry.name, isCodable: true, color: refiColour(entry.colour) });
    const inner: string[] = [];
    const description = codeDescription(entry.description, codeMemos.get(entry.id));
    if (description) inner.push(`${depth}  <Description>${report.text(description)}</Description>`);
    for (const child of children.get(entry.id) ?? []) inner.push(render(child, `${depth}  `));
    return inner.length === 0 ? `${depth}<Code${attrs}/>` : `${depth}<Code${attrs}>\n${inner.join('\n')}\n${depth}</Code>`;
  };
  return (children.get(null) ?? []).map((entry) => render(entry, indent)).join('\n');
}

function memosOf(context: ExportContext): QdaMemos {
  return qdaMemos(context.memos ?? [], new Set(context.codebook.map((entry) => entry.id)), new Set(context.documents.map((document) => document.id)));
}

/** Renders the `.qdc` codebook XML; throws `ExportError` 'empty-codebook' if there is no code (the schema needs one). */
export function codebookToQdc(context: ExportContext): RefiQdaOutput<string> {
  if (context.codebook.length === 0) throw new ExportError({ code: 'empty-codebook' });
  const report = new XmlWriterReport();
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<CodeBook xmlns="${QDA_CODEBOOK_NAMESPACE}"${attributes(report, { origin: 'Marginalia' })}>`,
    '  <Codes>',
    codesXml(report, context.codebook, '    ', memosOf(context).codeMemos),
    '  </Codes>',
    '</CodeBook>',
    '',
  ].join('\n');
  return { data: xml, removedCharacters: report.removed };
}

function noteElement(report: XmlWriterReport, guid: string, name: string, text: string, user: string, created: string, modified: string): string {
  const attrs = attributes(report, { guid, name, creatingUser: user, creationDateTime: created, modifiedDateTime: modified });
  return `    <Note${attrs}>\n      <PlainTextContent>${report.text(text)}</PlainTextContent>\n    </Note>`;
}

function threadNotes(report: XmlWriterReport, note: ExcerptNote, quote: string): { refs: string[]; notes: string[] } {
  const about = quote.length > 40 ? `${quote.slice(0, 40)}…` : quote;
  const refs = [refiGuid.note(note.id)];
  const notes = [noteElement(report, refiGuid.note(note.id), `Note on “${about}”`, note.text, refiGuid.user(note.author.id), note.created, note.modified)];
  for (const reply of note.replies) {
    refs.push(refiGuid.reply(reply.id));
    const name = `Reply by ${reply.author.name} to the note on “${about}”`;
    notes.push(noteElement(report, refiGuid.reply(reply.id), name, reply.text, refiGuid.user(reply.author.id), reply.created, reply.modified));
  }
  return { refs, notes };
}

/** Renders `project.qde` (and lists the source files it references). */
export function excerptsToQde(excerpts: readonly Excerpt[], context: ExportContext): RefiQdaOutput<{ xml: string; sources: Map<string, string> }> {
  const report = new XmlWriterReport();
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(`<Project xmlns="${QDA_PROJECT_NAMESPACE}"${attributes(report, { name: context.projectName || 'Marginalia project', origin: 'Marginalia', creationDateTime: context.exportedAt })}>`);
  const users = new Map(context.members.map((member) => [member.id, member.name]));
  const memos = memosOf(context);
  for (const memo of context.memos ?? []) for (const person of [memo.author, memo.editor]) if (!users.has(person.id)) users.set(person.id, person.name);
  for (const excerpt of excerpts) {
    for (const person of [excerpt.highlightedBy, ...excerpt.tags.flatMap((tag) => (tag.appliedBy ? [tag.appliedBy] : [])), ...excerpt.notes.flatMap((note) => [note.author, ...note.replies.map((reply) => reply.author)])]) {
      if (!users.has(person.id)) users.set(person.id, person.name);
    }
  }
  if (users.size > 0) {
    out.push('  <Users>');
    for (const [id, name] of users) out.push(`    <User${attributes(report, { guid: refiGuid.user(id), name })}/>`);
    out.push('  </Users>');
  }
  if (context.codebook.length > 0) out.push('  <CodeBook>', '    <Codes>', codesXml(report, context.codebook, '      ', memos.codeMemos), '    </Codes>', '  </CodeBook>');

  const byDocument = new Map<string, Excerpt[]>();
  for (const excerpt of excerpts) {
    const list = byDocument.get(excerpt.document.id);
    if (list) list.push(excerpt);
    else byDocument.set(excerpt.document.id, [excerpt]);
  }
  const notes: string[] = [];
  const sources = new Map<string, string>();
  const codes = new Set(context.codebook.map((entry) => entry.id));
  if (context.documents.length > 0) out.push('  <Sources>');
  for (const document of context.documents) {
    const guid = refiGuid.source(document.id);
    sources.set(`sources/${guid}.txt`, document.text.replace(/\r/g, '\n'));
    out.push(`    <TextSource${attributes(report, { guid, name: document.title, plainTextPath: `internal://${guid}.txt` })}>`);
    const sourceNoteRefs: string[] = [...(memos.sourceNoteRefs.get(document.id) ?? [])];
    for (const excerpt of byDocument.get(document.id) ?? []) {
      const thread = { refs: [] as string[], notes: [] as string[] };
      for (const note of excerpt.notes) {
        const one = threadNotes(report, note, excerpt.quote);
        thread.refs.push(...one.refs);
        thread.notes.push(...one.notes);
      }
      notes.push(...thread.notes);
      if (!excerpt.anchored) {
        const guidOfNote = refiGuid.unanchored(excerpt.id);
        notes.push(noteElement(report, guidOfNote, 'Unanchored highlight', `Unanchored highlight (its text changed): “${excerpt.quote}”`, refiGuid.user(excerpt.highlightedBy.id), excerpt.created, excerpt.modified));
        sourceNoteRefs.push(guidOfNote, ...thread.refs);
        continue;
      }
      const name = excerpt.quote.length > 60 ? `${excerpt.quote.slice(0, 60)}…` : excerpt.quote;
      const attrs = attributes(report, {
        guid: refiGuid.selection(excerpt.id),
        name,
        startPosition: excerpt.codePoints.start,
        endPosition: excerpt.codePoints.end,
        creatingUser: refiGuid.user(excerpt.highlightedBy.id),
        creationDateTime: excerpt.created,
        modifiedDateTime: excerpt.modified,
      });
      const inner: string[] = [];
      for (const tag of excerpt.tags) {
        if (!codes.has(tag.id)) continue;
        const codingAttrs = attributes(report, {
          guid: refiGuid.coding(excerpt.id, tag.id),
          creatingUser: tag.appliedBy ? refiGuid.user(tag.appliedBy.id) : undefined,
          creationDateTime: tag.appliedAt,
        });
        inner.push(`        <Coding${codingAttrs}>\n          <CodeRef targetGUID="${refiGuid.code(tag.id)}"/>\n        </Coding>`);
      }
      for (const ref of thread.refs) inner.push(`        <NoteRef targetGUID="${ref}"/>`);
      out.push(inner.length === 0 ? `      <PlainTextSelection${attrs}/>` : `      <PlainTextSelection${attrs}>\n${inner.join('\n')}\n      </PlainTextSelection>`);
    }
    for (const ref of sourceNoteRefs) out.push(`      <NoteRef targetGUID="${ref}"/>`);
    out.push('    </TextSource>');
  }
  if (context.documents.length > 0) out.push('  </Sources>');
  for (const memo of memos.notes) notes.push(noteElement(report, memo.guid, memo.name, memo.text, refiGuid.user(memo.authorId), memo.created, memo.modified));
  if (notes.length > 0) out.push('  <Notes>', ...notes, '  </Notes>');
  out.push('</Project>', '');
  return { data: { xml: out.join('\n'), sources }, removedCharacters: report.removed };
}

/** Builds the `.qdpx` zip: `project.qde` and `sources/<guid>.txt` (UTF-8, LF); throws `ExportError` 'missing-document-text' if an excerpt's document text is not in `context`. */
export function excerptsToQdpx(excerpts: readonly Excerpt[], context: ExportContext): RefiQdaOutput<Uint8Array> {
  const missing = excerpts.find((excerpt) => !context.documents.some((document) => document.id === excerpt.document.id));
  if (missing) throw new ExportError({ code: 'missing-document-text', documentId: missing.document.id });
  const { data, removedCharacters } = excerptsToQde(excerpts, context);
  const files: Record<string, Uint8Array> = { 'project.qde': strToU8(data.xml) };
  for (const [path, text] of data.sources) files[path] = strToU8(text);
  return { data: zipSync(files, { level: 6, mtime: new Date(context.exportedAt) }), removedCharacters };
}
