/** Token store over a real SQLite file: hashed storage, per-project scope, revocation. */
import { afterAll, describe, expect, it } from 'vitest';
import type { ProjectId } from '#shared/model/ids.ts';
import { REFUSAL_REASONS } from '#shared/sync/protocol.ts';
import { openServerDatabase } from '../../../electron/server/server-database.ts';
import { createTokenStore } from '../../../electron/server/token-store.ts';
import { temporaryDataDir } from './sync-test-kit.ts';

describe('token store (node:sqlite)', () => {
  const data = temporaryDataDir();
  const db = openServerDatabase(data.dir);
  const tokens = createTokenStore(db);
  afterAll(() => {
    db.close();
    data.remove();
  });

  it('stores only a salted hash, never the secret', () => {
    const project = tokens.createProject('hashing');
    const { token, record } = tokens.createToken({ projectId: project.id, label: 'ana' });
    const secret = token.split('.')[2] as string;
    const row = db.prepare('SELECT * FROM tokens WHERE id = ?').get(record.id) as Record<string, unknown>;
    expect(JSON.stringify(row)).not.toContain(secret);
    expect((row.hash as Uint8Array).length).toBe(32);
    expect((row.salt as Uint8Array).length).toBe(16);
    const again = tokens.createToken({ projectId: project.id, label: 'ana' });
    const other = db.prepare('SELECT salt FROM tokens WHERE id = ?').get(again.record.id) as { salt: Uint8Array };
    expect(Buffer.from(other.salt).equals(Buffer.from(row.salt as Uint8Array))).toBe(false);
  });

  it('verifies a token for its own project only', () => {
    const a = tokens.createProject('A').id;
    const b = tokens.createProject('B').id;
    const { token, record } = tokens.createToken({ projectId: a });
    expect(tokens.verifyToken(token, a)).toEqual({ ok: true, record });
    expect(tokens.verifyToken(token, b)).toMatchObject({ ok: false, reason: REFUSAL_REASONS.wrongProject });
  });

  it('names the reason for every refusal', () => {
    const projectId = tokens.createProject('refusals').id;
    const { token, record } = tokens.createToken({ projectId });
    const wrongSecret = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect(tokens.verifyToken('', projectId)).toMatchObject({ ok: false, reason: REFUSAL_REASONS.tokenRequired });
    expect(tokens.verifyToken('hello', projectId)).toMatchObject({ ok: false, reason: REFUSAL_REASONS.unknownToken });
    expect(tokens.verifyToken(wrongSecret, projectId)).toMatchObject({ ok: false, reason: REFUSAL_REASONS.unknownToken });
    expect(tokens.revokeToken(record.id)?.revokedAt).toEqual(expect.any(String));
    expect(tokens.verifyToken(token, projectId)).toMatchObject({ ok: false, reason: REFUSAL_REASONS.tokenRevoked });
    expect(tokens.revokedAmong([record.id, '0000000000000000'])).toEqual([record.id]);
    expect(tokens.revokeToken('0000000000000000')).toBeNull();
  });

  it('registers an unseen project id when a token is created for it, and lists tokens in order', () => {
    const projectId = 'Slr7gOcuQv2_q1GrIRdttw' as ProjectId;
    tokens.createToken({ projectId, label: 'first' });
    tokens.createToken({ projectId, label: 'second' });
    expect(tokens.getProject(projectId)).toMatchObject({ id: projectId, name: null });
    expect(tokens.listTokens(projectId).map((token) => token.label)).toEqual(['first', 'second']);
    expect(() => tokens.createToken({ projectId: 'bad' as ProjectId })).toThrow(/not a project id/);
  });
});
