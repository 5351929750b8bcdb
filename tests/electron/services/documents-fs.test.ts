/**
 * Reading bundled documents from disk: the real folder loads completely; in a temporary
 * copy, a missing or broken article becomes an error entry while the others still load,
 * and a missing or malformed manifest is a DocumentError.
 */
import { cp, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DocumentError } from '#shared/documents/errors.ts';
import { defaultDocumentsDir, readAllBundledArticles, readBundledDocuments } from '../../../electron/services/documents-fs.ts';
import { bundledManifest, documentsDir } from '../../helpers/bundled-documents.ts';

describe('defaultDocumentsDir', () => {
  it('is the repository documents/ folder', () => {
    expect(join(defaultDocumentsDir())).toBe(join(documentsDir));
  });
});

describe('readBundledDocuments on the bundled folder', () => {
  it('loads all five documents in manifest order', async () => {
    const results = await readBundledDocuments(defaultDocumentsDir());
    expect(results.map((result) => (result.ok ? result.article.meta.id : result.error))).toEqual(bundledManifest().documents.map((entry) => entry.id));
    for (const result of results) if (result.ok) expect(result.article.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});

describe('readBundledDocuments on a damaged copy', () => {
  let dir = '';
  const ids = bundledManifest().documents.map((entry) => entry.id);
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'marginalia-documents-'));
    await cp(documentsDir, dir, { recursive: true });
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reports a missing file for that document only', async () => {
    await unlink(join(dir, 'russia-azerbaijan-disputes.md'));
    const results = await readBundledDocuments(dir);
    expect(results.filter((result) => result.ok)).toHaveLength(4);
    expect(results[2]).toEqual({
      ok: false, id: 'russia-azerbaijan-disputes', file: 'russia-azerbaijan-disputes.md',
      error: 'russia-azerbaijan-disputes.md: cannot read the document (file not found)',
    });
  });

  it('gives commands that need every article the one line naming the document that does not load', async () => {
    await unlink(join(dir, 'russia-azerbaijan-disputes.md'));
    await expect(readAllBundledArticles(dir)).resolves.toEqual({
      ok: false,
      error: 'document russia-azerbaijan-disputes does not load: russia-azerbaijan-disputes.md: cannot read the document (file not found)',
    });
    const whole = await readAllBundledArticles(documentsDir);
    expect(whole.ok && whole.articles.map((article) => article.meta.id)).toEqual(ids);
  });

  it('reports malformed front matter and an id mismatch with file and line, others still load', async () => {
    const first = join(dir, 'azerbaijan-us-russia-dynamics.md');
    await writeFile(first, (await readFile(first, 'utf8')).replace('title_supplied: false', 'title_supplied: maybe'));
    const last = join(dir, 'azerbaijan-back-to-normalcy.md');
    await writeFile(last, (await readFile(last, 'utf8')).replace('id: azerbaijan-back-to-normalcy', 'id: renamed-by-hand'));
    const results = await readBundledDocuments(dir);
    expect(results.map((result) => result.ok)).toEqual([false, true, true, true, false]);
    expect(results[0]).toMatchObject({ id: ids[0], error: 'azerbaijan-us-russia-dynamics.md:4: "title_supplied" must be true or false, found maybe' });
    expect(results[4]).toMatchObject({
      id: ids[4],
      error: 'azerbaijan-back-to-normalcy.md:2: front matter id "renamed-by-hand" does not match the manifest id "azerbaijan-back-to-normalcy"',
    });
  });

  it('throws a DocumentError when the manifest is missing or malformed', async () => {
    await writeFile(join(dir, 'manifest.json'), '{ "version": 1, "documents": [');
    await expect(readBundledDocuments(dir)).rejects.toThrow(/manifest\.json: the manifest is not valid JSON/);
    await writeFile(join(dir, 'manifest.json'), JSON.stringify({ version: 1, documents: [{ id: 'x', file: '/etc/passwd' }] }));
    await expect(readBundledDocuments(dir)).rejects.toThrow(/"file" must be a plain \.md file name/);
    await unlink(join(dir, 'manifest.json'));
    await expect(readBundledDocuments(dir)).rejects.toBeInstanceOf(DocumentError);
    await expect(readBundledDocuments(dir)).rejects.toThrow(/manifest\.json: cannot read the manifest \(file not found\)/);
  });
});
