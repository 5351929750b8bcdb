/**
 * Saving a project with added documents: the file carries their texts, taken from this
 * computer or downloaded from the team's server; a text that cannot be had stops the save
 * with a notice naming the document and why, and nothing is written.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { convertDocument } from '#shared/documents/import/convert.ts';
import { addDocument } from '#shared/model/documents.ts';
import type { MemberId } from '#shared/model/ids.ts';
import { mergeProjectFile } from '#shared/model/project-file.ts';
import { createProject } from '#shared/model/project.ts';
import { newDocumentOf } from '../../../renderer/library/document-import.ts';
import { saveProjectCommand, type ProjectFileDialogs } from '../../../renderer/store/project-files.ts';
import type { Notice } from '../../../renderer/store/ui-state.ts';

const actor = { member: 'nigar-member-id-000000' as MemberId };

async function projectWithDocument() {
  const doc = new Y.Doc();
  createProject(doc, actor, { name: 'Kura' });
  const converted = await convertDocument(new TextEncoder().encode('Field notes\nThe pump is shared.'), 'notes.txt');
  addDocument(doc, actor, newDocumentOf(converted));
  return { doc, converted };
}

function harness(doc: Y.Doc) {
  const notices: (Notice | null)[] = [];
  const written: Uint8Array[] = [];
  const files: ProjectFileDialogs = {
    saveFile: async ({ content }) => { written.push(content as Uint8Array); return true; },
    openFile: async () => null,
  };
  return { host: { session: { doc, flush: async () => undefined }, projectName: () => 'Field study', notify: (notice: Notice | null) => notices.push(notice) }, files, notices, written };
}

describe('saving a project with added documents', () => {
  it('writes the texts, downloading those missing here', async () => {
    const { doc, converted } = await projectWithDocument();
    const { host, files, written, notices } = harness(doc);
    await saveProjectCommand(host, files, { canDownload: true, textOf: async (id) => (id === converted.id ? converted.source : undefined) });
    expect(notices.at(-1)).toEqual({ kind: 'info', text: 'Project saved to a file.' });
    const opened = new Y.Doc();
    const merged = mergeProjectFile(opened, written[0] as Uint8Array);
    expect(merged.ok && [...merged.texts.keys()]).toEqual([converted.id]);
  });

  it('names each document whose text cannot be had, and why, and writes nothing', async () => {
    const { doc } = await projectWithDocument();
    const { host, files, written, notices } = harness(doc);
    await saveProjectCommand(host, files, { canDownload: false, textOf: async () => undefined });
    expect(written).toEqual([]);
    expect(notices.at(-1)?.kind).toBe('error');
    expect(notices.at(-1)?.text).toContain('“Field notes” (its text is not on this computer and no team server is set up to download it)');

    await saveProjectCommand(host, files, { canDownload: true, textOf: async () => { throw new Error('The text of "Field notes" is not uploaded yet by Nigar.'); } });
    expect(written).toEqual([]);
    expect(notices.at(-1)?.text).toContain('“Field notes” (The text of "Field notes" is not uploaded yet by Nigar.)');
  });
});
