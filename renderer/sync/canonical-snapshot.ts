/**
 * The canonical snapshot now lives in the model (shared/model/canonical-snapshot.ts), where
 * the merge tests use it too; this re-export keeps the page's and the benches' imports.
 */
export { canonicalSnapshot, canonicalSnapshotJson, type CanonicalSnapshot } from '#shared/model/canonical-snapshot.ts';
