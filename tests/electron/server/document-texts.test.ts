/**
 * The SQLite store of added documents' texts: immutable rows per project and id, and a
 * database written before texts existed (schema 1) opened and upgraded without loss.
 */
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import type { DocumentId } from '#shared/documents/manifest.ts';
import type { ProjectId } from '#shared/model/ids.ts';
import { createDocumentTexts } from '../../../electron/server/document-texts.ts';
import { databasePath, openServerDatabase } from '../../../electron/server/server-database.ts';
import { createTokenStore } from '../../../electron/server/token-store.ts';
import { temporaryDataDir } from './sync-test-kit.ts';

const folders: Array<{ remove(): void }> = [];
afterAll(() => folders.forEach((folder) => folder.remove()));

const projectA = 'AAAAAAAAAAAAAAAAAAAAAA' as ProjectId;
const projectB = 'BBBBBBBBBBBBBBBBBBBBBB' as ProjectId;
const id = 'doc-0123456789abcdef' as DocumentId;

describe('SQLite document texts', () => {
  it('stores a text once per project and never rewrites it', () => {
    const data = temporaryDataDir();
    folders.push(data);
    const db = openServerDatabase(data.dir);
    const texts = createDocumentTexts(db);
    expect(texts.get(projectA, id)).toBeNull();
    expect(texts.put(projectA, id, 'first', 5)).toBe('stored');
    expect(texts.put(projectA, id, 'second', 6)).toBe('exists');
    expect(texts.get(projectA, id)).toBe('first');
    expect(texts.get(projectB, id)).toBeNull();
    expect(texts.put(projectB, id, 'for B', 5)).toBe('stored');
    expect(texts.get(projectB, id)).toBe('for B');
    db.close();
  });

  it('opens a database from before document texts, keeping its tokens', () => {
    const data = temporaryDataDir();
    folders.push(data);
    const first = openServerDatabase(data.dir);
    const created = createTokenStore(first).createProject('older');
    first.exec('DROP TABLE document_texts; PRAGMA user_version = 1');
    first.close();
    const old = new DatabaseSync(databasePath(data.dir));
    expect((old.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'document_texts'").get() as { n: number }).n).toBe(0);
    old.close();
    const upgraded = openServerDatabase(data.dir);
    expect(createTokenStore(upgraded).getProject(created.id)).toMatchObject({ name: 'older' });
    expect(createDocumentTexts(upgraded).put(created.id, id, 'text', 4)).toBe('stored');
    expect((upgraded.prepare('PRAGMA user_version').get() as { user_version: number }).user_version).toBe(2);
    upgraded.close();
  });
});
