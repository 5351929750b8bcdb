/**
 * The layer check fires on each forbidden edge and on oversized product files, allows the
 * edges next to them, exits non-zero on a violating tree, and passes the real tree.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  checkFileSizes, checkLayers, importsOf, lineCount, MAX_PRODUCT_FILE_LINES, readProjectSources,
} from '../../scripts/check-layers.ts';

const check = (path: string, source: string) => checkLayers([{ path, source }]);
const linesOf = (count: number): string => 'const x = 1;\n'.repeat(count);
const root = fileURLToPath(new URL('../..', import.meta.url));
/** The renderer's feature folders today, and one added later: renderer/ui/ may import none. */
const FEATURE_FOLDERS = ['app', 'library', 'reader', 'margin', 'panels', 'store', 'sync', 'team', 'export', 'onboarding', 'annotations'];

describe('layer check', () => {
  it('finds static, dynamic, type-only, re-export and require imports with line numbers', () => {
    const source = "import a from 'a';\nimport type { B } from './b.ts';\nexport { c } from \"c\";\nconst d = await import('d');\nconst e = require('e');\n";
    expect(importsOf(source)).toEqual([
      { specifier: 'a', line: 1 },
      { specifier: './b.ts', line: 2 },
      { specifier: 'c', line: 3 },
      { specifier: 'd', line: 4 },
      { specifier: 'e', line: 5 },
    ]);
  });

  it.each([
    ['shared/model/x.ts', "import { readFile } from 'node:fs';", 'Node built-ins'],
    ['shared/model/x.ts', "import path from 'path';", 'Node built-ins'],
    ['shared/model/x.ts', "import { app } from 'electron';", 'electron'],
    ['shared/model/x.ts', "import React from 'react';", 'may only use'],
    ['shared/model/x.ts', "import { EditorView } from 'prosemirror-view';", 'may only use'],
    ['shared/model/x.ts', "import { x } from '../../renderer/app/x.ts';", 'only import from shared/'],
    ['renderer/app/x.ts', "import { readFile } from 'node:fs/promises';", 'Node built-ins'],
    ['renderer/app/x.ts', "import { ipcRenderer } from 'electron';", 'electron'],
    ['renderer/app/x.ts', "import { y } from '../../electron/services/files.ts';", 'from electron/'],
    ['electron/server/x.ts', "import { app } from 'electron';", 'sync server'],
    ['electron/server/x.ts', "import { w } from '../main/window.ts';", 'sync server'],
    ['electron/main/x.ts', "import { App } from '../../renderer/app/App.tsx';", 'from renderer/'],
    ['electron/cli/commands/x.ts', "import { g } from '../../../bench/sample-project.ts';", 'bench/ or tests/'],
    ['electron/services/x.ts', "import { h } from '../../tests/helpers/seeded-project.ts';", 'bench/ or tests/'],
    ['renderer/app/x.ts', "import { b } from '../../tests/helpers/browser.ts';", 'bench/ or tests/'],
    ['shared/model/x.ts', "import { r } from '../../tests/helpers/seeded-random.ts';", 'bench/ or tests/'],
    ['renderer/ui/x.tsx', "import type { Notice } from '../store/workspace.ts';", 'feature folder'],
    ['renderer/reader/x.ts', "import { tagNameOf } from '../store/tag-stylesheet.ts';", 'annotation layer'],
    ['renderer/reader/x.ts', "import { useWorkspace } from '../annotations/use-workspace.ts';", 'annotation layer'],
    ['renderer/ui/x.tsx', "import { TeamTopBar } from '../team/TeamTopBar.tsx';", 'feature folder'],
    ['renderer/store/x.ts', "import { roots } from '#shared/model/layout.ts';", 'Yjs layout'],
    ['renderer/margin/x.tsx', "import { NOTE } from '#shared/model/layout.ts';", 'Yjs layout'],
    ['renderer/sync/x.ts', "import type { TrashRecord } from '#shared/model/layout.ts';", 'Yjs layout'],
  ])('flags %s importing %s', (path, source, rule) => {
    const violations = check(path, source);
    expect(violations).toHaveLength(1);
    expect(violations[0]!.rule).toContain(rule);
  });

  it.each([
    ['shared/model/x.ts', "import * as Y from 'yjs';\nimport { sha256 } from 'lib0/hash/sha256';\nimport { y } from '../anchoring/y.ts';"],
    ['renderer/app/x.ts', "import { EditorView } from 'prosemirror-view';\nimport { m } from '#shared/model/m.ts';"],
    ['electron/main/x.ts', "import { app } from 'electron';\nimport { readFile } from 'node:fs';"],
    ['electron/server/x.ts', "import { Server } from '@hocuspocus/server';\nimport { r } from '#shared/sync/rooms.ts';"],
    ['electron/cli/commands/x.ts', "import { g } from '#shared/sample/sample-project.ts';\nimport { t } from './tests.ts';"],
    ['electron/services/x.ts', "import { f } from './tests/fixture.ts';\nimport { b } from '../bench-free.ts';"],
    ['renderer/ui/x.tsx', "import { P } from './panel-column.ts';\nimport { p } from '../services/platform.ts';\nimport { q } from '#shared/model/queries.ts';"],
    ['renderer/app/x.tsx', "import { Shell } from '../ui/Shell.tsx';\nimport { TeamTopBar } from '../team/TeamTopBar.tsx';"],
    ['renderer/store/x.ts', "import { listHighlights } from '#shared/model/queries.ts';\nimport { ids } from '#shared/model/ids.ts';"],
    ['shared/model/x.ts', "import { roots } from './layout.ts';"],
    ['shared/export/x.ts', "import { roots } from '../model/layout.ts';"],
  ])('allows %s', (path, source) => {
    expect(check(path, source)).toEqual([]);
  });

  it.each(FEATURE_FOLDERS)('flags renderer/ui/ importing the %s feature folder, by any route', (feature) => {
    expect(check('renderer/ui/x.tsx', `import { a } from '../${feature}/a.ts';`)).toHaveLength(1);
    expect(check('renderer/ui/deep/x.tsx', `import { a } from '../../${feature}/a.ts';`)).toHaveLength(1);
  });

  it('counts lines as wc -l does', () => {
    expect([lineCount(''), lineCount('a'), lineCount('a\n'), lineCount('a\nb'), lineCount(linesOf(5))]).toEqual([0, 1, 1, 2, 5]);
  });

  it(`flags a product .ts/.tsx file over ${MAX_PRODUCT_FILE_LINES} lines with its line count, and nothing else`, () => {
    const over = MAX_PRODUCT_FILE_LINES + 1;
    expect(checkFileSizes([
      { path: 'renderer/store/big.ts', source: linesOf(over) },
      { path: 'renderer/reader/Big.tsx', source: linesOf(over + 9) },
      { path: 'shared/model/limit.ts', source: linesOf(MAX_PRODUCT_FILE_LINES) },
      { path: 'electron/main/generated.js', source: linesOf(over) },
      { path: 'bench/long.bench.ts', source: linesOf(over) },
      { path: 'tests/long.test.ts', source: linesOf(over) },
    ])).toEqual([
      { path: 'renderer/store/big.ts', lines: over },
      { path: 'renderer/reader/Big.tsx', lines: over + 9 },
    ]);
  });

  it('the script exits non-zero and names each violation; zero on a clean tree', () => {
    const tree = mkdtempSync(join(tmpdir(), 'marginalia-layers-'));
    const write = (path: string, source: string): void => {
      mkdirSync(join(tree, path, '..'), { recursive: true });
      writeFileSync(join(tree, path), source);
    };
    write('shared/model/ok.ts', "import * as Y from 'yjs';\n");
    write('renderer/ui/ok.tsx', "import { P } from './panel-column.ts';\n");
    write('electron/cli/ok.ts', "import { g } from '#shared/sample/sample-project.ts';\n");
    const run = () => spawnSync(process.execPath, [join(root, 'scripts/check-layers.ts'), tree], { encoding: 'utf8' });
    const clean = run();
    expect(clean.stdout).toContain('layer check: ok');
    expect(clean.status).toBe(0);

    write('electron/cli/bad.ts', "import { g } from '../../bench/sample-project.ts';\n");
    write('renderer/store/long.ts', linesOf(MAX_PRODUCT_FILE_LINES + 2));
    const failing = run();
    expect(failing.stderr).toContain("electron/cli/bad.ts:1: imports '../../bench/sample-project.ts'");
    expect(failing.stderr).toContain(`renderer/store/long.ts: ${MAX_PRODUCT_FILE_LINES + 2} lines`);
    expect(failing.stdout).toContain('layer check: 2 violation(s)');
    expect(failing.status).toBe(1);
  });

  it('the project itself has no layer violations', () => {
    expect(checkLayers(readProjectSources(root))).toEqual([]);
  });

  it(`the project itself has no product file over ${MAX_PRODUCT_FILE_LINES} lines`, () => {
    expect(checkFileSizes(readProjectSources(root))).toEqual([]);
  });
});
