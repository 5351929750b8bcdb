/** The layer check fires on each forbidden edge and passes the real tree. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkLayers, importsOf, readProjectSources } from '../../scripts/check-layers.ts';

const check = (path: string, source: string) => checkLayers([{ path, source }]);

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
  ])('allows %s', (path, source) => {
    expect(check(path, source)).toEqual([]);
  });

  it('the project itself has no violations', () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    expect(checkLayers(readProjectSources(root))).toEqual([]);
  });
});
