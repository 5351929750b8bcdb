/**
 * The excerpt: one exported highlight with everything a reader of the export needs, already
 * resolved (names instead of ids where people read them, both offset units, heading path,
 * paragraph number, ISO dates). Every formatter takes `Excerpt[]` plus an
 * {@link ExportContext} and is a pure function of them, so formats can be tested with
 * hand-built excerpts and the query over the Yjs model (excerpts.ts) is tested once.
 */

/** A member as exports show them. */
export type ExcerptPerson = {
  /** Member id as stored in the project (compact form). */
  readonly id: string;
  /** Display name ('' when the member never set one). */
  readonly name: string;
};

/** A half-open span [start, end). */
export type Span = { readonly start: number; readonly end: number };

/** A tag applied to the excerpt. */
export type ExcerptTag = {
  readonly id: string;
  readonly name: string;
  /** Names from the root of the codebook down to this tag, e.g. ['Security', 'Military']. */
  readonly path: readonly string[];
  /** CSS colour as stored, normally `#rrggbb`. */
  readonly colour: string;
  /** Who applied it (undefined when the writing client is not registered). */
  readonly appliedBy: ExcerptPerson | undefined;
  /** When it was applied (ISO 8601). */
  readonly appliedAt: string;
};

/** A reply in a note's thread. */
export type ExcerptReply = {
  readonly id: string;
  readonly text: string;
  readonly author: ExcerptPerson;
  readonly created: string;
  readonly modified: string;
};

/** The note on a highlight, with its replies in thread order. */
export type ExcerptNote = {
  readonly id: string;
  readonly text: string;
  readonly author: ExcerptPerson;
  readonly created: string;
  readonly modified: string;
  readonly replies: readonly ExcerptReply[];
};

/** The document an excerpt comes from. */
export type ExcerptDocument = {
  readonly id: string;
  readonly title: string;
  readonly author: string | null;
  readonly publisher: string | null;
  /** Content hash of the canonical text the offsets refer to. */
  readonly hash: string;
};

/** One exported highlight. */
export type Excerpt = {
  /** Highlight id (compact form). */
  readonly id: string;
  /** The highlighted text (the stored quote when unanchored). */
  readonly quote: string;
  /** Context before and after, from the stored TextQuoteSelector. */
  readonly prefix: string;
  readonly suffix: string;
  readonly document: ExcerptDocument;
  /** Titles of the outline headings enclosing the start, outermost first. */
  readonly headingPath: readonly string[];
  /** 1-based index of the textblock holding the start (0 when unanchored). */
  readonly paragraph: number;
  /** Offsets in the canonical text in UTF-16 code units (JS string indices). */
  readonly utf16: Span;
  /** The same offsets counted in Unicode code points (W3C, REFI-QDA). */
  readonly codePoints: Span;
  /** False when the quote no longer anchors in the current text: offsets are the stored ones and must not be trusted. */
  readonly anchored: boolean;
  readonly highlightedBy: ExcerptPerson;
  /** Live tags, in codebook path order. */
  readonly tags: readonly ExcerptTag[];
  /** Notes on the highlight, oldest first (usually one; teammates writing offline may start several). */
  readonly notes: readonly ExcerptNote[];
  /** ISO 8601 creation time. */
  readonly created: string;
  /** ISO 8601 time of the latest change to the highlight, its tags or its note. */
  readonly modified: string;
};

/** One tag of the codebook as exports need it (the whole tree, applied or not). */
export type CodebookEntry = {
  readonly id: string;
  readonly name: string;
  readonly colour: string;
  readonly description: string;
  readonly parentId: string | null;
};

/** A document's full canonical text (REFI-QDA sources carry it). */
export type ExportDocumentText = {
  readonly id: string;
  readonly title: string;
  readonly hash: string;
  readonly text: string;
};

/** A memo as exports show it (docs/architecture.md §5): its subject, title and Markdown-like text. */
export type ExportMemo = {
  /** The id of its first record (stable across exports; REFI-QDA derives the note's GUID from it). */
  readonly id: string;
  readonly about:
    | { readonly kind: 'project' }
    | { readonly kind: 'document'; readonly documentId: string }
    | { readonly kind: 'code'; readonly tagId: string };
  /** "Project memo", "Document memo: <title>", "Code memo: <name>". */
  readonly title: string;
  /** The memo's text in memo markup (shared/text/memo-markup.ts); records started apart joined by a blank line. */
  readonly text: string;
  readonly author: ExcerptPerson;
  /** ISO 8601 time it was started. */
  readonly created: string;
  readonly editor: ExcerptPerson;
  /** ISO 8601 time of its latest edit. */
  readonly modified: string;
};

/** Project-wide facts the formats need beside the excerpts. */
export type ExportContext = {
  readonly projectId: string;
  readonly projectName: string;
  /** ISO 8601 time of the export (fixed in tests so goldens are stable). */
  readonly exportedAt: string;
  /** Live codebook in tree order (parents before children). */
  readonly codebook: readonly CodebookEntry[];
  readonly members: readonly ExcerptPerson[];
  /** Texts of the documents the excerpts come from. */
  readonly documents: readonly ExportDocumentText[];
  /** The project's memos, project memo first, then documents and codes by title (none when absent). */
  readonly memos?: readonly ExportMemo[];
};
