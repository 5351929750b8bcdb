/**
 * Importing a REFI-QDA project (`.qdpx`, from ATLAS.ti, MAXQDA, NVivo, QualCoder or
 * Marginalia) into the open project, without React: `planQdpxImport` reads the file
 * (#shared/export/qdpx-import.ts) and counts what would come in, writing nothing;
 * `applyQdpxImport` stores the texts of the sources that are no bundled article in this
 * computer's text store first (converted as plain text, exactly as the import adds them),
 * then writes the whole import as one update. A refused file, or a text that cannot be
 * stored, changes nothing.
 */
import type * as Y from 'yjs';
import { convertPlainText } from '#shared/documents/import/plain-text.ts';
import { addSourcesAsDocuments, applyQdpx, readQdpx, QdpxRefusal, type QdpxArticle, type QdpxImportReport, type QdpxProject } from '#shared/export/qdpx-import.ts';
import { bundledTarget } from '#shared/export/qdpx-identities.ts';
import { flattenCodes } from '#shared/export/qdpx-project.ts';
import type { MemberId } from '#shared/model/ids.ts';
import { DocumentTextError } from '../store/document-text-check.ts';
import type { DocumentTextStore } from '../store/document-texts.ts';
import { afterNextFrame } from '../services/event-loop.ts';

/** What a read file would bring, for the confirmation. */
export type QdpxPreview = {
  readonly documents: number;
  readonly newDocuments: number;
  readonly codes: number;
  readonly highlights: number;
  readonly codings: number;
  readonly notes: number;
  readonly people: number;
};

/** A file read and counted, waiting for the person's confirmation. */
export type PlannedQdpx = { readonly fileName: string; readonly plan: QdpxProject; readonly preview: QdpxPreview };

/** Reads `file` as a `.qdpx` and counts what it holds; a file that cannot be imported comes back as its reason. */
export async function planQdpxImport(file: File, articles: readonly QdpxArticle[]): Promise<PlannedQdpx | { readonly refused: string }> {
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    await afterNextFrame();
    const plan = readQdpx(bytes);
    const selections = plan.sources.flatMap((source) => source.selections);
    return {
      fileName: file.name,
      plan,
      preview: {
        documents: plan.sources.length,
        newDocuments: plan.sources.filter((source) => bundledTarget(source, articles) === undefined).length,
        codes: flattenCodes(plan.codes).length,
        highlights: new Set(plan.sources.flatMap((source) => source.selections.map((one) => `${source.guid}:${one.start}:${one.end}`))).size,
        codings: selections.reduce((sum, one) => sum + one.codings.length, 0),
        notes: plan.notes.length,
        people: plan.users.length,
      },
    };
  } catch (error) {
    if (error instanceof QdpxRefusal) return { refused: error.message };
    return { refused: error instanceof Error ? error.message : String(error) };
  }
}

/** What importing needs: the project, who imports, the bundled articles, the text store. */
export type QdpxImportContext = { readonly doc: Y.Doc; readonly member: MemberId; readonly articles: readonly QdpxArticle[]; readonly texts: DocumentTextStore };

/** Stores the new documents' texts, then writes the import into the project; on any failure the project is unchanged. */
export async function applyQdpxImport(planned: PlannedQdpx, context: QdpxImportContext): Promise<QdpxImportReport> {
  for (const source of planned.plan.sources) {
    if (bundledTarget(source, context.articles) !== undefined) continue;
    try {
      const { converted } = convertPlainText(source.text, `${source.name || source.guid}.txt`);
      await context.texts.put(converted.id, converted.source);
    } catch (error) {
      if (error instanceof DocumentTextError && context.texts.status().kind === 'memory-only') continue;
      if (error instanceof DocumentTextError) return { ok: false, error: `the text of “${source.name}” could not be stored on this computer: ${error.message}` };
      // A text the converter refuses is skipped by the import itself, with its reason.
    }
    await afterNextFrame();
  }
  return applyQdpx(context.doc, planned.plan, { articles: context.articles, importer: context.member, addSource: addSourcesAsDocuments(() => {}) });
}
