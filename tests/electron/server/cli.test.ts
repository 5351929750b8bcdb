/**
 * The sync server's command line, run as real child processes: project and token
 * management on the SQLite file, revocation seen by a running server, and one-line
 * errors with a non-zero status for bad arguments.
 */
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import type { ProjectId } from '#shared/model/ids.ts';
import { REFUSAL_REASONS } from '#shared/sync/protocol.ts';
import { parseInvite } from '#shared/sync/invite.ts';
import { connectClient, noteText, REPO_ROOT, startChildServer, temporaryDataDir, textOf, waitFor, whenSynced } from './sync-test-kit.ts';
import type { ChildServer, TestClient } from './sync-test-kit.ts';

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['electron/server/cli.ts', ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 15_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function field(output: string, name: string): string {
  const match = new RegExp(`^${name}:\\s+(.+)$`, 'm').exec(output);
  if (!match?.[1]) throw new Error(`no "${name}" line in:\n${output}`);
  return match[1];
}

describe('sync server CLI (child processes)', () => {
  const data = temporaryDataDir();
  const clients: TestClient[] = [];
  const children: ChildServer[] = [];

  afterAll(async () => {
    for (const client of clients) client.destroy();
    for (const child of children) if (child.child.exitCode === null) child.child.kill('SIGKILL');
    await Promise.all(children.map((child) => child.exited));
    data.remove();
  });

  it('creates a project with a first token and a valid invite, then more tokens, and lists them', () => {
    const project = cli('project', 'create', '--name', 'Caucasus', '--data', data.dir, '--server-url', 'wss://sync.example.org');
    expect(project.status).toBe(0);
    const invite = parseInvite(field(project.stdout, 'invite'));
    expect(invite.ok).toBe(true);
    if (!invite.ok) return;
    expect(invite.invite.serverUrl).toBe('wss://sync.example.org');
    expect(invite.invite.projectId).toBe(field(project.stdout, 'project'));
    expect(invite.invite.token).toBe(field(project.stdout, 'token'));

    const second = cli('token', 'create', '--project', invite.invite.projectId, '--label', 'ben', '--data', data.dir);
    expect(second.status).toBe(0);
    const secondId = field(second.stdout, 'token id');
    expect(parseInvite(field(second.stdout, 'invite')).ok).toBe(true);

    const listed = cli('token', 'list', '--project', invite.invite.projectId, '--data', data.dir);
    expect(listed.status).toBe(0);
    const lines = listed.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(secondId);
    expect(lines[1]).toContain('active');
    expect(lines[1]).toContain('ben');
    expect(listed.stdout).not.toContain(field(second.stdout, 'token').split('.')[2]);
  });

  it('revokes a token from the CLI while a server runs: the live client is cut off with the reason', async () => {
    const project = cli('project', 'create', '--name', 'Live', '--data', data.dir);
    const projectId = field(project.stdout, 'project');
    const created = cli('token', 'create', '--project', projectId, '--label', 'dana', '--data', data.dir);
    const token = field(created.stdout, 'token');
    const tokenId = field(created.stdout, 'token id');

    const server = await startChildServer(data.dir);
    children.push(server);
    const dana = connectClient({ url: server.url, projectId: projectId as ProjectId, token });
    clients.push(dana);
    await whenSynced(dana);
    noteText(dana.doc).insert(0, 'before revocation');
    await whenSynced(dana);

    const revoked = cli('token', 'revoke', tokenId, '--data', data.dir);
    expect(revoked.status).toBe(0);
    expect(revoked.stdout).toContain(`revoked ${tokenId}`);
    await waitFor(() => dana.refusals.includes(REFUSAL_REASONS.tokenRevoked), 'the running server to cut dana off', 8000);
    expect(server.lines.some((line) => line.event === 'token-revoked' && line.tokenId === tokenId)).toBe(true);
    expect(textOf(dana.doc)).toBe('before revocation');

    const listed = cli('token', 'list', '--project', projectId, '--data', data.dir);
    expect(listed.stdout).toMatch(new RegExp(`${tokenId}\\s+revoked`));
    expect(cli('token', 'revoke', 'ffffffffffffffff', '--data', data.dir).status).toBe(1);
  });

  it.each([
    [['serve', '--port', 'eighty'], '--port must be a whole number'],
    [['serve', '--port', '70000'], '--port must be between 0 and 65535'],
    [['serve', '--verbose', 'yes'], 'serve does not take --verbose'],
    [['serve', '--port'], '--port needs a value'],
    [['token', 'create', '--label', 'x'], 'token create needs --project ID'],
    [['token', 'create', '--project', 'nope'], 'is not a project id'],
    [['token', 'revoke'], 'token revoke needs TOKEN_ID'],
    [['token', 'revoke', 'zzz'], 'is not a token id'],
    [['project', 'create'], 'project create needs --name NAME'],
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['token', 'create', '--project', 'Slr7gOcuQv2_q1GrIRdttw', '--server-url', 'http://x'], 'must start with ws:// or wss://'],
  ])('refuses %j with one line and status 2', (args, message) => {
    const result = cli(...args, '--data', data.dir);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(message);
  });

  it.each([['help'], ['--help'], ['-h'], ['token', 'create', '--help'], ['serve', '--port', '9', '--help']])('prints usage for %j', (...args) => {
    const result = cli(...args);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('token revoke TOKEN_ID');
    expect(result.stdout).toContain('4455');
  });
});
