/**
 * Writes the app icons: build/icon.png (1024×1024, the source electron-builder converts
 * for macOS and Windows) and build/icons/<N>x<N>.png for Linux.
 *
 * Run with `node build/make-icons.ts` (Node 22 via `npx node` or node_modules/.bin/node).
 * The PNGs are committed; tests/build checks they match what this script draws.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LINUX_ICON_SIZES, MAIN_ICON_SIZE, renderIconPng } from './icon-renderer.ts';

const buildDir = fileURLToPath(new URL('.', import.meta.url));
mkdirSync(`${buildDir}icons`, { recursive: true });
writeFileSync(`${buildDir}icon.png`, renderIconPng(MAIN_ICON_SIZE));
for (const size of LINUX_ICON_SIZES) writeFileSync(`${buildDir}icons/${size}x${size}.png`, renderIconPng(size));
console.log(`Wrote build/icon.png and ${LINUX_ICON_SIZES.length} sizes in build/icons/.`);
