/**
 * The export formats, named once. The command line (`--format`, its usage line and help),
 * the Export dialog (its choices, the save dialog's file type, the suggested file name) and
 * {@link renderExport} all read this one record, so a format cannot be spelled one way in
 * one place and another way elsewhere.
 *
 * The id is what people type after `--format`; the label is what they call the format;
 * the action label is the short name a button says ("Export Web Annotation…"); the
 * extension and MIME type describe the file written.
 */

/** Format ids in the order the command line and the dialog list them. */
export const EXPORT_FORMAT_IDS = ['csv', 'md', 'jsonld', 'qdpx', 'qdc'] as const;

/** One export format's id. */
export type ExportFormatId = (typeof EXPORT_FORMAT_IDS)[number];

/** How a format is named and saved. */
export type ExportFormatInfo = {
  readonly id: ExportFormatId;
  /** The name people use for it, e.g. "Markdown". */
  readonly label: string;
  /** The short name an action button uses, e.g. "REFI-QDA project" in "Export REFI-QDA project…". */
  readonly actionLabel: string;
  /** File extension without the dot. */
  readonly extension: string;
  readonly mimeType: string;
  /** What the file holds: the filtered excerpts, a REFI-QDA project of them, or the whole codebook. */
  readonly contents: 'excerpts' | 'project' | 'codebook';
};

/** Every format by id. */
export const EXPORT_FORMATS: Readonly<Record<ExportFormatId, ExportFormatInfo>> = {
  csv: { id: 'csv', label: 'CSV', actionLabel: 'CSV', extension: 'csv', mimeType: 'text/csv', contents: 'excerpts' },
  md: { id: 'md', label: 'Markdown', actionLabel: 'Markdown', extension: 'md', mimeType: 'text/markdown', contents: 'excerpts' },
  jsonld: {
    id: 'jsonld',
    label: 'Web Annotation (JSON-LD)',
    actionLabel: 'Web Annotation',
    extension: 'jsonld',
    mimeType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
    contents: 'excerpts',
  },
  qdpx: { id: 'qdpx', label: 'REFI-QDA project (.qdpx)', actionLabel: 'REFI-QDA project', extension: 'qdpx', mimeType: 'application/zip', contents: 'project' },
  qdc: { id: 'qdc', label: 'REFI-QDA codebook (.qdc)', actionLabel: 'REFI-QDA codebook', extension: 'qdc', mimeType: 'application/xml', contents: 'codebook' },
};

/** True if `value` is one of {@link EXPORT_FORMAT_IDS}. */
export function isExportFormatId(value: string): value is ExportFormatId {
  return (EXPORT_FORMAT_IDS as readonly string[]).includes(value);
}

/** True when the format writes excerpts, so the excerpt filters apply (false for the codebook). */
export function usesExcerpts(format: ExportFormatId): boolean {
  return EXPORT_FORMATS[format].contents !== 'codebook';
}
