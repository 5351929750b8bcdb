/**
 * `npm run server` as an operator meets it: usage with --help, one clear line and a
 * non-zero status for a busy port or a bad flag, library output on stderr as JSON log
 * lines, and a data folder only the server's user can read.
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { roomForProject } from '#shared/sync/rooms.ts';
import { openServerDatabase, databasePath } from '../../../electron/server/server-database.ts';
import { createTokenStore } from '../../../electron/server/token-store.ts';
import { tinyEntriesUpdate } from '../../helpers/hostile-updates.ts';
import { authenticatedRaw, updateFrame } from './raw-client.ts';
import type { RawSocket } from './raw-client.ts';
import { REPO_ROOT, startChildServer, temporaryDataDir, waitFor } from './sync-test-kit.ts';
import type { ChildServer } from './sync-test-kit.ts';

function npmServer(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('npm', ['run', '--silent', 'server', '--', ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 20_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run server (child processes)', () => {
  const data = temporaryDataDir();
  const children: ChildServer[] = [];
  const raws: RawSocket[] = [];

  afterAll(async () => {
    for (const raw of raws) raw.socket.terminate();
    for (const child of children) if (child.child.exitCode === null) child.child.kill('SIGKILL');
    await Promise.all(children.map((child) => child.exited));
    data.remove();
  });

  it('prints usage with --help and exits 0', () => {
    const result = npmServer('--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('serve [--host 127.0.0.1]');
    expect(result.stdout).toContain('--max-room-structs');
    expect(result.stdout).toContain('--allow-origins');
  });

  it('refuses --port abc in one line with a non-zero status', () => {
    const result = npmServer('--port', 'abc', '--data', data.dir);
    expect(result.status).not.toBe(0);
    expect(result.stderr.trim().split('\n')).toEqual(['marginalia server: --port must be a whole number, got "abc"']);
  });

  it('says in one line that the port is busy, with no stack trace, and exits non-zero', async () => {
    const first = await startChildServer(join(data.dir, 'first'));
    children.push(first);
    const second = npmServer('--port', String(first.port), '--data', join(data.dir, 'second'));
    expect(second.status).toBe(1);
    expect(second.stderr.trim().split('\n')).toEqual([
      `marginalia server: port ${first.port} on 127.0.0.1 is already in use (choose another with --port)`,
    ]);
  });

  it('creates its data folder 0700 and the database 0600', async () => {
    const fresh = join(data.dir, 'fresh', 'nested');
    const server = await startChildServer(fresh);
    children.push(server);
    expect(statSync(fresh).mode & 0o777).toBe(0o700);
    expect(statSync(databasePath(fresh)).mode & 0o777).toBe(0o600);
  });

  it('writes what Hocuspocus prints to stderr as JSON log lines', async () => {
    const dir = join(data.dir, 'library');
    const db = openServerDatabase(dir);
    const tokens = createTokenStore(db);
    const projectId = tokens.createProject('library output').id;
    const token = tokens.createToken({ projectId, label: 'member' }).token;
    db.close();
    const server = await startChildServer(dir, ['--max-room-structs', '10']);
    children.push(server);
    // Refused by the room guard inside Hocuspocus's message handling, which reports it on the console.
    const raw = await authenticatedRaw(server.url, roomForProject(projectId), token);
    raws.push(raw);
    raw.socket.send(updateFrame(roomForProject(projectId), tinyEntriesUpdate(20, 'm', 5)));
    await raw.closed;
    await waitFor(() => server.stderr().includes('\n'), 'Hocuspocus to report the refusal');
    const lines = server.stderr().trim().split('\n');
    for (const line of lines) expect(JSON.parse(line)).toMatchObject({ event: 'library-warning' });
    expect(server.lines.some((line) => line.event === 'message-rejected' && line.reason === 'document size limit exceeded')).toBe(true);
  });
});
