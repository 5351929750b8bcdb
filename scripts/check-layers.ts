/**
 * The layer check: enforces the dependency direction of docs/architecture.md §3 by reading every import.
 * - product code (shared/, renderer/, electron/) imports nothing from bench/ or tests/:
 *   benches and tests use the product, never the reverse;
 * - shared/ imports no DOM, Node or Electron code: only shared/ itself and the
 *   environment-free packages listed below;
 * - renderer/ imports no Node built-ins and no Electron, and nothing from electron/;
 * - renderer/reader/ imports neither the store nor the annotation layer (annotations depend on
 *   the reader, never the reverse);
 * - renderer/ui/ (generic UI pieces) imports nothing from the renderer's feature folders
 *   (app, library, reader, margin, panels, store, sync, team, export, onboarding, and any
 *   added later): from renderer/ only ui/ itself and services/;
 * - renderer/ never imports the Yjs layout (shared/model/layout.ts): its short keys and
 *   `roots(doc)` stay inside shared/model, behind the model's queries and operations;
 * - electron/server/ never imports electron, nor the main process or preload;
 * - electron/ imports nothing from renderer/.
 * Type-only imports count too: a layer that needs a type from another layer needs the layer.
 * Besides imports, no product .ts/.tsx file may exceed {@link MAX_PRODUCT_FILE_LINES} lines.
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

/** A product file that has grown past {@link MAX_PRODUCT_FILE_LINES} lines. */
export interface FileSizeViolation {
  path: string;
  lines: number;
}

/** The most lines a product source file (.ts/.tsx under shared/, renderer/, electron/) may have. */
export const MAX_PRODUCT_FILE_LINES = 300;

/**
 * The renderer folders renderer/ui/ may import; every other one is a feature folder. An
 * allow-list, so a feature folder added later is covered without editing this check.
 */
export const RENDERER_UI_MAY_IMPORT = ['ui', 'services'];

/** The Yjs layout module, which only shared/ may read. */
const LAYOUT_MODULE = 'shared/model/layout.ts';
const PRODUCT_LAYERS = /^(shared|renderer|electron)\//;
const UI_ALLOWED_TARGET = new RegExp(`^renderer/(${RENDERER_UI_MAY_IMPORT.join('|')})/`);

/** Packages shared/ may use: pure JavaScript with no DOM or Node dependency. */
export const SHARED_PACKAGES = ['yjs', 'lib0', 'prosemirror-model', 'prosemirror-transform', 'fflate', 'markdown-it', 'htmlparser2', 'mammoth', 'pdfjs-dist'];

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

  if (PRODUCT_LAYERS.test(file) && target !== null && /^(bench|tests)(\/|$)/.test(target)) {
    return 'product code may not import from bench/ or tests/';
  }
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
    if (target === LAYOUT_MODULE) return 'renderer/ may not import the Yjs layout (shared/model/layout.ts): use the model\'s queries';
    if (file.startsWith('renderer/reader/') && target !== null && /^renderer\/(store|annotations)\//.test(target)) {
      return 'renderer/reader/ may not import the store or the annotation layer (they are composed with it, not into it)';
    }
    if (file.startsWith('renderer/ui/') && target?.startsWith('renderer/') && !UI_ALLOWED_TARGET.test(target)) {
      return `renderer/ui/ may not import from a renderer feature folder (only ${RENDERER_UI_MAY_IMPORT.join('/, ')}/)`;
    }
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

/** Counts a source's lines as `wc -l` does (a final newline ends the last line). */
export function lineCount(source: string): number {
  if (source === '') return 0;
  const breaks = source.split('\n').length - 1;
  return source.endsWith('\n') ? breaks : breaks + 1;
}

/** Lists the product .ts/.tsx files over {@link MAX_PRODUCT_FILE_LINES} lines, with their counts. */
export function checkFileSizes(files: SourceFile[]): FileSizeViolation[] {
  return files
    .filter((file) => PRODUCT_LAYERS.test(file.path) && /\.tsx?$/.test(file.path))
    .map((file) => ({ path: file.path, lines: lineCount(file.source) }))
    .filter((file) => file.lines > MAX_PRODUCT_FILE_LINES);
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
  // `node scripts/check-layers.ts [ROOT]`: the repository by default; another tree for tests.
  const root = process.argv[2] ?? new URL('..', import.meta.url).pathname;
  const sources = readProjectSources(root);
  const violations = checkLayers(sources);
  const oversized = checkFileSizes(sources);
  for (const v of violations) console.error(`${v.path}:${v.line}: imports '${v.specifier}': ${v.rule}`);
  for (const v of oversized) console.error(`${v.path}: ${v.lines} lines, over the ${MAX_PRODUCT_FILE_LINES}-line limit for a product file`);
  const total = violations.length + oversized.length;
  console.log(`layer check: ${total === 0 ? 'ok' : `${total} violation(s)`}`);
  process.exit(total === 0 ? 0 : 1);
}
