/**
 * The layer check: enforces the dependency direction of docs/architecture.md §3 by reading every import.
 * - shared/ imports no DOM, Node or Electron code: only shared/ itself and the
 *   environment-free packages listed below;
 * - renderer/ imports no Node built-ins and no Electron, and nothing from electron/;
 * - electron/server/ never imports electron, nor the main process or preload;
 * - electron/ imports nothing from renderer/.
 * Type-only imports count too: a layer that needs a type from another layer needs the layer.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, normalize, relative, sep } from 'node:path';

/** One source file as the check sees it. */
export interface SourceFile {
  /** Path relative to the repository root, with `/` separators. */
  path: string;
  source: string;
}

/** An import that crosses a layer boundary the wrong way. */
export interface LayerViolation {
  path: string;
  line: number;
  specifier: string;
  rule: string;
}

/** Packages shared/ may use: pure JavaScript with no DOM or Node dependency. */
export const SHARED_PACKAGES = ['yjs', 'lib0', 'prosemirror-model', 'prosemirror-transform', 'fflate'];

const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
const IMPORT_PATTERN = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;(])import\s*\(?\s*['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Lists the import specifiers of a module with their line numbers. */
export function importsOf(source: string): Array<{ specifier: string; line: number }> {
  const found: Array<{ specifier: string; line: number }> = [];
  for (const match of source.matchAll(IMPORT_PATTERN)) {
    const specifier = match[1] ?? match[2] ?? match[3];
    if (!specifier) continue;
    const line = source.slice(0, match.index).split('\n').length + (match[0].startsWith('\n') ? 1 : 0);
    found.push({ specifier, line });
  }
  return found;
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

function ruleBroken(file: string, specifier: string): string | null {
  const isAlias = specifier.startsWith('#shared/');
  const isRelative = specifier.startsWith('.') || isAlias;
  const target = isAlias ? specifier.slice(1) : isRelative ? normalize(join(dirname(file), specifier)).split(sep).join('/') : null;
  const isNode = !isRelative && (specifier.startsWith('node:') || NODE_BUILTINS.has(specifier));
  const isElectron = !isRelative && packageName(specifier) === 'electron';

  if (file.startsWith('shared/')) {
    if (target !== null) return target.startsWith('shared/') ? null : 'shared/ may only import from shared/';
    if (isNode) return 'shared/ may not import Node built-ins';
    if (isElectron) return 'shared/ may not import electron';
    return SHARED_PACKAGES.includes(packageName(specifier)) ? null : `shared/ may only use ${SHARED_PACKAGES.join(', ')}`;
  }
  if (file.startsWith('renderer/')) {
    if (isNode) return 'renderer/ may not import Node built-ins';
    if (isElectron) return 'renderer/ may not import electron';
    if (target?.startsWith('electron/')) return 'renderer/ may not import from electron/';
    return null;
  }
  if (file.startsWith('electron/')) {
    if (target?.startsWith('renderer/')) return 'electron/ may not import from renderer/';
    if (file.startsWith('electron/server/')) {
      if (isElectron) return 'the sync server may not import electron';
      if (target && /^electron\/(main|preload)\//.test(target)) return 'the sync server may not import the main process or preload';
    }
  }
  return null;
}

/** Checks the given files; returns every violation (empty when the layering holds). */
export function checkLayers(files: SourceFile[]): LayerViolation[] {
  const violations: LayerViolation[] = [];
  for (const file of files) {
    for (const { specifier, line } of importsOf(file.source)) {
      const rule = ruleBroken(file.path, specifier);
      if (rule) violations.push({ path: file.path, line, specifier, rule });
    }
  }
  return violations;
}

/** Reads the project's source files under shared/, renderer/ and electron/. */
export function readProjectSources(root: string): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir)) {
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(ts|tsx|js|mjs|cjs)$/.test(entry)) {
        files.push({ path: relative(root, full).split(sep).join('/'), source: readFileSync(full, 'utf8') });
      }
    }
  };
  for (const layer of ['shared', 'renderer', 'electron']) walk(join(root, layer));
  return files;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = new URL('..', import.meta.url).pathname;
  const violations = checkLayers(readProjectSources(root));
  for (const v of violations) console.error(`${v.path}:${v.line}: imports '${v.specifier}': ${v.rule}`);
  console.log(`layer check: ${violations.length === 0 ? 'ok' : `${violations.length} violation(s)`}`);
  process.exit(violations.length === 0 ? 0 : 1);
}
