/**
 * `marginalia cooccurrence`, run as the real `bin/marginalia.js` on the pinned Node: the
 * analysis project (tests/helpers/analysis-project.ts, worked out by hand there) read from
 * a project file and from a real sync server on 127.0.0.1, as CSV and JSON, to stdout and
 * to --out; usage and input problems end in one line on stderr.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startSyncServer, type SyncServerHandle } from '../../../electron/server/sync-server.ts';
import type { ProjectId } from '#shared/model/ids.ts';
import { getProjectMeta } from '#shared/model/project.ts';
import { buildAnalysisFixture } from '../../helpers/analysis-project.ts';
import { connectClient, whenSynced } from '../server/sync-test-kit.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const pinnedNode = join(repoRoot, 'node_modules/.bin/node');
const bin = join(repoRoot, 'bin/marginalia.js');
const dir = mkdtempSync(join(tmpdir(), 'marginalia-cooccurrence-'));
const fixture = buildAnalysisFixture();
const projectFile = join(dir, 'analysis.marginalia');
writeFileSync(projectFile, fixture.bytes);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function marginalia(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(pinnedNode, [bin, ...args], { cwd: repoRoot, timeout: 30_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof failed.code !== 'number') throw error;
    return { code: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

/** The pairs worked out by hand (codebook order: Alliances, Energy, Security). */
const EXPECTED_ROWS = [
  'code_1,code_2,n1,n2,n12,c',
  'Alliances,Energy,1,3,1,0.3333',
  'Alliances,Security,1,3,1,0.3333',
  'Energy,Alliances,3,1,1,0.3333',
  'Energy,Security,3,3,3,1.0000',
  'Security,Alliances,3,1,1,0.3333',
  'Security,Energy,3,3,2,0.5000',
];

function firstSixColumns(csv: string): string[] {
  return csv.trimEnd().split('\r\n').map((line) => line.split(',').slice(0, 6).join(','));
}

describe('marginalia cooccurrence --from', () => {
  it('prints the table as CSV', async () => {
    const result = await marginalia(['cooccurrence', '--from', projectFile, '--format', 'csv']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(firstSixColumns(result.stdout)).toEqual(EXPECTED_ROWS);
  });

  it('writes JSON to --out', async () => {
    const out = join(dir, 'table.json');
    const result = await marginalia(['cooccurrence', '--from', projectFile, '--format', 'json', '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`wrote the co-occurrence of 3 codes to ${out}\n`);
    const table = JSON.parse(readFileSync(out, 'utf8')) as { codes: { id: string; name: string; n: number }[]; pairs: { code1: string; code2: string; n12: number; c: number }[] };
    expect(table.codes.map((code) => [code.name, code.n])).toEqual([['Alliances', 1], ['Energy', 3], ['Security', 3]]);
    const name = new Map(table.codes.map((code) => [code.id, code.name]));
    expect(table.pairs.map((pair) => `${name.get(pair.code1)}>${name.get(pair.code2)}:${pair.n12}:${pair.c}`)).toEqual([
      'Alliances>Energy:1:0.3333', 'Alliances>Security:1:0.3333', 'Energy>Alliances:1:0.3333', 'Energy>Security:3:1', 'Security>Alliances:1:0.3333', 'Security>Energy:2:0.5',
    ]);
  });

  it('says in one line what is wrong with the call or the file', async () => {
    const cases: [string[], number, RegExp][] = [
      [['cooccurrence'], 2, /^marginalia cooccurrence: say where the project is: --from FILE or --server URL --project ID --token TOKEN \(usage: .+\)\n$/],
      [['cooccurrence', '--from', projectFile, '--format', 'xlsx'], 2, /^marginalia cooccurrence: --format must be csv or json \(got "xlsx"\) \(usage: .+\)\n$/],
      [['cooccurrence', '--from', projectFile, '--server', 'ws://127.0.0.1:9'], 2, /either --from or --server/],
      [['cooccurrence', '--from', join(dir, 'missing.marginalia')], 1, /^marginalia cooccurrence: cannot read project file .+missing\.marginalia: .+\n$/],
    ];
    for (const [args, code, stderr] of cases) {
      const result = await marginalia(args);
      expect(result.code, args.join(' ')).toBe(code);
      expect(result.stderr, args.join(' ')).toMatch(stderr);
      expect(result.stdout).toBe('');
    }
    const damaged = join(dir, 'damaged.marginalia');
    writeFileSync(damaged, fixture.bytes.subarray(0, fixture.bytes.length - 9));
    const out = join(dir, 'never.csv');
    const result = await marginalia(['cooccurrence', '--from', damaged, '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^marginalia cooccurrence: cannot open project file .+damaged\.marginalia: .+\n$/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('marginalia cooccurrence --server', () => {
  let server: SyncServerHandle;
  let token: string;
  let projectId: ProjectId;
  const data = mkdtempSync(join(tmpdir(), 'marginalia-cooccurrence-server-'));

  beforeAll(async () => {
    server = await startSyncServer({ dataDir: data, port: 0, log: () => {}, storeDebounceMs: 50 });
    projectId = getProjectMeta(fixture.doc).id as ProjectId;
    token = server.tokens.createToken({ projectId }).token;
    const uploader = connectClient({ url: server.url, projectId, token, doc: new Y.Doc() });
    Y.applyUpdate(uploader.doc, Y.encodeStateAsUpdate(fixture.doc));
    await whenSynced(uploader);
    uploader.destroy();
  });

  afterAll(async () => {
    await server?.stop();
    rmSync(data, { recursive: true, force: true });
  });

  it('reads the project the server holds and prints the same table', async () => {
    expect(server.url).toMatch(/^ws:\/\/127\.0\.0\.1:/);
    const result = await marginalia(['cooccurrence', '--server', server.url, '--project', projectId, '--token', token, '--format', 'csv']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(firstSixColumns(result.stdout)).toEqual(EXPECTED_ROWS);
  });
});
