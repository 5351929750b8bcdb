import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { LINUX_ICON_SIZES, MAIN_ICON_SIZE, renderIconPixels, renderIconPng } from '../../build/icon-renderer.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const readJson = (relative: string) => JSON.parse(readFileSync(`${repo}${relative}`, 'utf8')) as Record<string, any>;
const config = readJson('build/electron-builder.json');
const packageJson = readJson('package.json');

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('build/electron-builder.json', () => {
  it('is valid against electron-builder’s own configuration schema', () => {
    const schema = JSON.parse(readFileSync(`${repo}node_modules/app-builder-lib/scheme.json`, 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
  });

  it('names the app and its folders', () => {
    expect(config.appId).toBe('org.marginalia.app');
    expect(config.productName).toBe('Marginalia');
    expect(config.directories).toEqual({ output: 'release', buildResources: 'build' });
  });

  it('packages only the compiled output and package.json, whose main is the main bundle', () => {
    expect(config.files).toEqual(expect.arrayContaining(['out/**/*', 'package.json']));
    expect(packageJson.main).toBe('out/main/main.cjs');
    expect(config.extraMetadata.main).toBe('out/main/main.cjs');
    expect(config.npmRebuild).toBe(false);
  });

  it('targets AppImage and deb on Linux, dmg on macOS and nsis on Windows', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Office');
    expect(config.linux.maintainer).toMatch(/\S/);
    expect(config.linux.description.length).toBeGreaterThan(40);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.mac.category).toBe('public.app-category.productivity');
    expect(config.win.target).toEqual(['nsis']);
  });
});

describe('icons', () => {
  it('build/icon.png exists and is at least 512×512 (square)', () => {
    const size = pngSize(readFileSync(`${repo}build/icon.png`));
    expect(size.width).toBe(MAIN_ICON_SIZE);
    expect(size.height).toBe(MAIN_ICON_SIZE);
    expect(size.width).toBeGreaterThanOrEqual(512);
  });

  it('build/icons has one correctly sized PNG per Linux size', () => {
    const files = readdirSync(`${repo}build/icons`).sort();
    expect(files).toEqual(LINUX_ICON_SIZES.map((size) => `${size}x${size}.png`).sort());
    for (const size of LINUX_ICON_SIZES) {
      expect(pngSize(readFileSync(`${repo}build/icons/${size}x${size}.png`))).toEqual({ width: size, height: size });
    }
  });

  it('every icon the config names exists', () => {
    for (const icon of [config.linux.icon, config.mac.icon, config.win.icon]) expect(existsSync(`${repo}${icon}`), icon).toBe(true);
  });

  it('committed icons are what build/make-icons.ts draws (small sizes re-rendered)', () => {
    for (const size of [16, 32, 48]) {
      expect(renderIconPng(size).equals(readFileSync(`${repo}build/icons/${size}x${size}.png`)), `${size}px`).toBe(true);
    }
  });

  it('draws an opaque ink square on a transparent margin, with a yellow highlighter stripe', () => {
    const size = 64;
    const pixels = renderIconPixels(size);
    const at = (x: number, y: number) => [...pixels.subarray((y * size + x) * 4, (y * size + x) * 4 + 4)];
    expect(at(0, 0)[3]).toBe(0);
    expect(at(32, 10)).toEqual([expect.any(Number), expect.any(Number), expect.any(Number), 255]);
    const [red, green, blue] = at(12, 32) as [number, number, number, number];
    expect(red).toBeGreaterThan(200);
    expect(green).toBeGreaterThan(150);
    expect(blue).toBeLessThan(120);
    const [inkRed, , inkBlue] = at(32, 10) as [number, number, number, number];
    expect(inkBlue).toBeGreaterThan(inkRed);
  });
});
