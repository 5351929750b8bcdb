import * as nodeFs from 'node:fs/promises';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  describeFileError,
  readFileLimited,
  saveFile,
  writeFileAtomic,
  type AtomicWriteFileSystem,
} from '../../../electron/services/files.ts';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'marginalia-files-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

function errnoError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

/** The real file system, with writes into the temp file failing with `code`. */
function failingWrites(code: string): AtomicWriteFileSystem {
  return {
    ...nodeFs,
    async open(filePath, flags, mode) {
      const handle = await nodeFs.open(filePath, flags, mode);
      return Object.assign(Object.create(handle), {
        writeFile: async () => {
          throw errnoError(code);
        },
        close: () => handle.close(),
        sync: () => handle.sync(),
      });
    },
  };
}

describe('writeFileAtomic', () => {
  it('writes text and bytes, replacing an existing file, and leaves no temp files', async () => {
    const target = path.join(folder, 'project.json');
    await writeFile(target, 'old contents that are longer than the new ones');
    await writeFileAtomic(target, '{"v":1}');
    expect(await readFile(target, 'utf8')).toBe('{"v":1}');
    await writeFileAtomic(target, new Uint8Array([1, 2, 3]));
    expect([...(await readFile(target))]).toEqual([1, 2, 3]);
    expect(await readdir(folder)).toEqual(['project.json']);
  });

  it('keeps the old file intact and removes the temp file when writing fails', async () => {
    const target = path.join(folder, 'project.json');
    await writeFile(target, 'precious');
    await expect(writeFileAtomic(target, 'new', failingWrites('ENOSPC'))).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await readFile(target, 'utf8')).toBe('precious');
    expect(await readdir(folder)).toEqual(['project.json']);
  });
});

describe('saveFile', () => {
  it('returns the path on success', async () => {
    const target = path.join(folder, 'excerpts.csv');
    expect(await saveFile(target, 'a,b\n')).toEqual({ ok: true, value: target });
  });

  it('reports a full disk in plain words', async () => {
    const target = path.join(folder, 'excerpts.csv');
    const outcome = await saveFile(target, 'a', failingWrites('ENOSPC'));
    expect(outcome).toEqual({ ok: false, message: expect.stringMatching(/^Disk full: could not save ".*excerpts\.csv"/) });
  });

  it('reports a missing folder', async () => {
    const outcome = await saveFile(path.join(folder, 'nope', 'x.csv'), 'a');
    expect(outcome).toEqual({ ok: false, message: expect.stringMatching(/^Not found: .* folder that does not exist/) });
  });
});

describe('describeFileError', () => {
  it('names permission problems for both EACCES and EPERM', () => {
    expect(describeFileError(errnoError('EACCES'), '/x/y.csv', 'save')).toMatch(/^Permission denied: cannot save "\/x\/y\.csv"/);
    expect(describeFileError(errnoError('EPERM'), '/x/y.csv', 'open')).toMatch(/^Permission denied: cannot open/);
  });

  it('falls back to the original message for unknown errors', () => {
    expect(describeFileError(new Error('weird'), '/x', 'save')).toBe('Could not save "/x": weird');
    expect(describeFileError('boom', '/x', 'open')).toBe('Could not open "/x": boom');
  });
});

describe('readFileLimited', () => {
  it('reads bytes of a file within the limit', async () => {
    const source = path.join(folder, 'in.qdpx');
    await writeFile(source, Buffer.from([9, 8, 7]));
    const outcome = await readFileLimited(source, 10);
    expect(outcome.ok && [...outcome.value]).toEqual([9, 8, 7]);
  });

  it('refuses files over the limit, folders and missing files with messages', async () => {
    const source = path.join(folder, 'big.bin');
    await writeFile(source, Buffer.alloc(11));
    expect(await readFileLimited(source, 10)).toEqual({ ok: false, message: expect.stringContaining('cannot be opened') });
    expect(await readFileLimited(folder, 10)).toEqual({ ok: false, message: expect.stringContaining('is a folder') });
    expect(await readFileLimited(path.join(folder, 'missing'), 10)).toEqual({
      ok: false,
      message: expect.stringContaining('does not exist'),
    });
  });
});
