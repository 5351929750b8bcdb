/**
 * Importing a REFI-QDA project (`.qdpx`): one import for everything about it, for the app,
 * the command line and the tests (docs/architecture.md §5, "Importing a REFI-QDA project").
 *
 * `readQdpx(bytes)` reads a file into a {@link QdpxProject} — the plan, with everything that
 * cannot come over in `skipped` — or throws {@link QdpxRefusal}; show the plan, then
 * `applyQdpx(doc, plan, options)` writes it as one update under the import origin and
 * returns the report. `importQdpx` does both. Sources that are no bundled article need
 * `options.addSource` to become documents of the project (`addSourcesAsDocuments` adds them
 * as plain-text documents; the caller stores their texts); without it they are skipped.
 */
export { openQdpxArchive, QDPX_LIMITS, QdpxRefusal, type QdpxLimits } from './qdpx-archive.ts';
export { readQdpx } from './qdpx-read.ts';
export { applyQdpx, importQdpx, type ApplyQdpxOptions, type QdpxImportCounts, type QdpxImportReport } from './qdpx-apply.ts';
export { addSourcesAsDocuments } from './qdpx-documents.ts';
export { IMPORT_CODE_PALETTE, type AddQdpxSource, type QdpxArticle, type QdpxDocumentTarget } from './qdpx-identities.ts';
export type { QdpxCode, QdpxCoding, QdpxNote, QdpxProject, QdpxSelection, QdpxSkipped, QdpxTextSource, QdpxUser } from './qdpx-project.ts';
