/**
 * W3C Web Annotation Data Model export (JSON-LD): one AnnotationCollection whose `first`
 * AnnotationPage holds every excerpt as an Annotation.
 *
 * Each annotation: `id` urn:uuid of the highlight, `motivation` (tagging when tagged,
 * commenting when it has a note, else highlighting), the highlighter as `creator`
 * (a Person), a target naming the document by a stable URN with a TextQuoteSelector and
 * (when anchored) a TextPositionSelector in Unicode code points (as the model requires),
 * tags as tagging TextualBodies and the note and its replies as commenting TextualBodies
 * (each note followed by its replies; the collection's `mg:threads` says which is which).
 *
 * So that an export is also a backup, the collection carries what a plain annotation
 * cannot: the codebook (ids, colours, hierarchy), members, and each document's content
 * hash, under a small extension context (`mg:` = urn:marginalia:vocab:). Annotations use
 * only the standard context. A tag body's value is the tag name; when two live tags share
 * a name it is the hierarchy path ("Security / Military") so the import can tell them apart.
 */
import type { Excerpt, ExcerptPerson, ExportContext } from './excerpt.ts';
import { documentUrn, entityUuid } from './units.ts';

/** The Web Annotation JSON-LD context. */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Prefix IRI of Marginalia's extension terms. */
export const MARGINALIA_VOCAB = 'urn:marginalia:vocab:';

/** A Person agent. */
export type AnnotationAgent = { readonly id: string; readonly type: 'Person'; readonly name: string };

/** A TextualBody as exported. */
export type TextualBody = {
  readonly id?: string;
  readonly type: 'TextualBody';
  readonly purpose: 'tagging' | 'commenting';
  readonly value: string;
  readonly format?: 'text/plain';
  readonly creator?: AnnotationAgent;
  readonly created?: string;
  readonly modified?: string;
};

/** A selector of the target. */
export type TextSelector =
  | { readonly type: 'TextQuoteSelector'; readonly exact: string; readonly prefix: string; readonly suffix: string }
  | { readonly type: 'TextPositionSelector'; readonly start: number; readonly end: number };

/** One exported annotation. */
export type WebAnnotation = {
  readonly '@context': typeof ANNO_CONTEXT;
  readonly id: string;
  readonly type: 'Annotation';
  readonly motivation: 'tagging' | 'commenting' | 'highlighting';
  readonly created: string;
  readonly modified: string;
  readonly creator: AnnotationAgent;
  readonly body?: readonly TextualBody[];
  readonly target: { readonly source: string; readonly selector: readonly TextSelector[] };
};

/** Extension data for round trips. */
export type CollectionExtension = {
  readonly 'mg:project': { readonly id: string; readonly name: string };
  readonly 'mg:documents': readonly { readonly id: string; readonly documentId: string; readonly title: string; readonly hash: string }[];
  readonly 'mg:codebook': readonly {
    readonly id: string;
    readonly name: string;
    readonly colour: string;
    readonly description: string;
    readonly parent: string | null;
  }[];
  readonly 'mg:members': readonly AnnotationAgent[];
  /** Which commenting bodies are replies: note body id → reply body ids in thread order. */
  readonly 'mg:threads': Readonly<Record<string, readonly string[]>>;
};

/** The exported collection. */
export type AnnotationCollection = {
  readonly '@context': readonly [typeof ANNO_CONTEXT, { readonly mg: typeof MARGINALIA_VOCAB }];
  readonly id: string;
  readonly type: 'AnnotationCollection';
  readonly label: string;
  readonly total: number;
  readonly created: string;
  readonly first: { readonly id: string; readonly type: 'AnnotationPage'; readonly startIndex: 0; readonly items: readonly WebAnnotation[] };
} & CollectionExtension;

/** URI identifying a member. */
export function memberUri(id: string): string {
  return `urn:uuid:${entityUuid('member', id)}`;
}

function agent(person: ExcerptPerson): AnnotationAgent {
  return { id: memberUri(person.id), type: 'Person', name: person.name };
}

function uuidUrn(kind: string, id: string): string {
  return `urn:uuid:${entityUuid(kind, id)}`;
}

/** Builds one annotation; `tagLabel` gives the body value of a tag id. */
function toAnnotation(excerpt: Excerpt, tagLabel: (id: string, name: string) => string): WebAnnotation {
  const body: TextualBody[] = [];
  for (const tag of excerpt.tags) {
    body.push({
      type: 'TextualBody',
      purpose: 'tagging',
      value: tagLabel(tag.id, tag.name),
      ...(tag.appliedBy ? { creator: agent(tag.appliedBy) } : {}),
      created: tag.appliedAt,
    });
  }
  for (const note of excerpt.notes) {
    for (const entry of [note, ...note.replies]) {
      body.push({
        id: uuidUrn(entry === note ? 'note' : 'reply', entry.id),
        type: 'TextualBody',
        purpose: 'commenting',
        value: entry.text,
        format: 'text/plain',
        creator: agent(entry.author),
        created: entry.created,
        modified: entry.modified,
      });
    }
  }
  const selector: TextSelector[] = [{ type: 'TextQuoteSelector', exact: excerpt.quote, prefix: excerpt.prefix, suffix: excerpt.suffix }];
  if (excerpt.anchored) selector.push({ type: 'TextPositionSelector', start: excerpt.codePoints.start, end: excerpt.codePoints.end });
  return {
    '@context': ANNO_CONTEXT,
    id: uuidUrn('highlight', excerpt.id),
    type: 'Annotation',
    motivation: excerpt.tags.length > 0 ? 'tagging' : excerpt.notes.length > 0 ? 'commenting' : 'highlighting',
    created: excerpt.created,
    modified: excerpt.modified,
    creator: agent(excerpt.highlightedBy),
    ...(body.length > 0 ? { body } : {}),
    target: { source: documentUrn(excerpt.document.id), selector },
  };
}

/** Builds the AnnotationCollection of `excerpts` (a plain object; see {@link excerptsToWebAnnotationJson}). */
export function excerptsToAnnotationCollection(excerpts: readonly Excerpt[], context: ExportContext): AnnotationCollection {
  const nameCount = new Map<string, number>();
  for (const entry of context.codebook) nameCount.set(entry.name, (nameCount.get(entry.name) ?? 0) + 1);
  const paths = new Map<string, string>();
  for (const excerpt of excerpts) for (const tag of excerpt.tags) paths.set(tag.id, tag.path.join(' / '));
  const tagLabel = (id: string, name: string) => ((nameCount.get(name) ?? 0) > 1 ? (paths.get(id) ?? name) : name);

  const collectionId = uuidUrn('project', context.projectId);
  const documents = new Map<string, CollectionExtension['mg:documents'][number]>();
  for (const document of context.documents) {
    documents.set(document.id, { id: documentUrn(document.id), documentId: document.id, title: document.title, hash: document.hash });
  }
  for (const excerpt of excerpts) {
    if (!documents.has(excerpt.document.id)) {
      const { id, title, hash } = excerpt.document;
      documents.set(id, { id: documentUrn(id), documentId: id, title, hash });
    }
  }
  return {
    '@context': [ANNO_CONTEXT, { mg: MARGINALIA_VOCAB }],
    id: collectionId,
    type: 'AnnotationCollection',
    label: context.projectName,
    total: excerpts.length,
    created: context.exportedAt,
    first: { id: `${collectionId}#page1`, type: 'AnnotationPage', startIndex: 0, items: excerpts.map((excerpt) => toAnnotation(excerpt, tagLabel)) },
    'mg:project': { id: context.projectId, name: context.projectName },
    'mg:documents': [...documents.values()],
    'mg:codebook': context.codebook.map((entry) => ({
      id: uuidUrn('tag', entry.id),
      name: entry.name,
      colour: entry.colour,
      description: entry.description,
      parent: entry.parentId === null ? null : uuidUrn('tag', entry.parentId),
    })),
    'mg:members': context.members.map(agent),
    'mg:threads': Object.fromEntries(
      excerpts.flatMap((excerpt) => excerpt.notes.map((note) => [uuidUrn('note', note.id), note.replies.map((reply) => uuidUrn('reply', reply.id))])),
    ),
  };
}

/** The collection as pretty-printed JSON text (2-space indent, trailing newline). */
export function excerptsToWebAnnotationJson(excerpts: readonly Excerpt[], context: ExportContext): string {
  return `${JSON.stringify(excerptsToAnnotationCollection(excerpts, context), null, 2)}\n`;
}
