/**
 * Draws the Marginalia app icon and encodes it as PNG, with no dependencies beyond
 * `node:zlib`.
 *
 * The mark: a rounded square in deep ink with three lines of "text"; the middle line is
 * marked with a yellow highlighter stripe, and a small note tick sits in the right margin.
 * Shapes are described in unit coordinates (0..1) as signed-distance tests and rendered
 * with 4×4 supersampling, so every size is drawn from the same geometry (no resampling)
 * and the output is byte-for-byte reproducible.
 */
import { crc32, deflateSync } from 'node:zlib';

type Rgba = readonly [number, number, number, number];

/** A shape: negative distance inside, in unit coordinates. */
interface Layer {
  readonly distance: (x: number, y: number) => number;
  readonly colour: (x: number, y: number) => Rgba;
}

const INK_TOP: Rgba = [0x27, 0x36, 0x5e, 255];
const INK_BOTTOM: Rgba = [0x16, 0x1f, 0x38, 255];
const INK_TEXT: Rgba = [0x1b, 0x26, 0x44, 255];
const PAPER: Rgba = [0xf4, 0xef, 0xe3, 235];
const HIGHLIGHTER: Rgba = [0xf6, 0xc9, 0x45, 255];

/** Signed distance to an axis-aligned rounded rectangle. */
function roundedRect(left: number, top: number, right: number, bottom: number, radius: number) {
  const centreX = (left + right) / 2;
  const centreY = (top + bottom) / 2;
  const halfWidth = (right - left) / 2 - radius;
  const halfHeight = (bottom - top) / 2 - radius;
  return (x: number, y: number): number => {
    const dx = Math.abs(x - centreX) - halfWidth;
    const dy = Math.abs(y - centreY) - halfHeight;
    const outside = Math.hypot(Math.max(dx, 0), Math.max(dy, 0));
    return outside + Math.min(Math.max(dx, dy), 0) - radius;
  };
}

/** A horizontal line with round caps, `thickness` tall. */
function textLine(left: number, right: number, centreY: number, thickness: number) {
  return roundedRect(left, centreY - thickness / 2, right, centreY + thickness / 2, thickness / 2);
}

const flat = (colour: Rgba) => () => colour;

function mix(a: Rgba, b: Rgba, t: number): Rgba {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t, a[3] + (b[3] - a[3]) * t];
}

/** The icon, back to front. */
const LAYERS: readonly Layer[] = [
  { distance: roundedRect(0.06, 0.06, 0.94, 0.94, 0.2), colour: (_x, y) => mix(INK_TOP, INK_BOTTOM, (y - 0.06) / 0.88) },
  { distance: textLine(0.22, 0.78, 0.33, 0.05), colour: flat(PAPER) },
  { distance: roundedRect(0.17, 0.425, 0.83, 0.575, 0.035), colour: flat(HIGHLIGHTER) },
  { distance: textLine(0.22, 0.78, 0.5, 0.05), colour: flat(INK_TEXT) },
  { distance: textLine(0.22, 0.6, 0.67, 0.05), colour: flat(PAPER) },
  { distance: roundedRect(0.865, 0.43, 0.895, 0.57, 0.015), colour: flat(HIGHLIGHTER) },
];

const SAMPLES = 4;

/** Renders the icon at `size`×`size` as straight (non-premultiplied) RGBA bytes. */
export function renderIconPixels(size: number): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  for (let row = 0; row < size; row += 1) {
    for (let column = 0; column < size; column += 1) {
      let red = 0;
      let green = 0;
      let blue = 0;
      let alpha = 0;
      for (let sy = 0; sy < SAMPLES; sy += 1) {
        for (let sx = 0; sx < SAMPLES; sx += 1) {
          const x = (column + (sx + 0.5) / SAMPLES) / size;
          const y = (row + (sy + 0.5) / SAMPLES) / size;
          // Composite the layers over transparency ("over" operator, premultiplied).
          let r = 0;
          let g = 0;
          let b = 0;
          let a = 0;
          for (const layer of LAYERS) {
            if (layer.distance(x, y) > 0) continue;
            const colour = layer.colour(x, y);
            const layerAlpha = colour[3] / 255;
            r = colour[0] * layerAlpha + r * (1 - layerAlpha);
            g = colour[1] * layerAlpha + g * (1 - layerAlpha);
            b = colour[2] * layerAlpha + b * (1 - layerAlpha);
            a = layerAlpha + a * (1 - layerAlpha);
          }
          red += r;
          green += g;
          blue += b;
          alpha += a;
        }
      }
      const count = SAMPLES * SAMPLES;
      const offset = (row * size + column) * 4;
      const coverage = alpha / count;
      pixels[offset] = coverage === 0 ? 0 : Math.round(red / count / coverage);
      pixels[offset + 1] = coverage === 0 ? 0 : Math.round(green / count / coverage);
      pixels[offset + 2] = coverage === 0 ? 0 : Math.round(blue / count / coverage);
      pixels[offset + 3] = Math.round(coverage * 255);
    }
  }
  return pixels;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const header = Buffer.alloc(8);
  header.writeUInt32BE(data.length, 0);
  header.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([header.subarray(4), data])), 0);
  return Buffer.concat([header, data, crc]);
}

/** Encodes RGBA pixels as a PNG (8-bit RGBA, no filtering, maximum deflate). */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  const stride = width * 4;
  const scanlines = Buffer.alloc((stride + 1) * height);
  for (let row = 0; row < height; row += 1) {
    scanlines[row * (stride + 1)] = 0; // filter: none
    scanlines.set(rgba.subarray(row * stride, (row + 1) * stride), row * (stride + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(scanlines, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** The icon at `size`×`size` as PNG bytes. */
export function renderIconPng(size: number): Buffer {
  return encodePng(size, size, renderIconPixels(size));
}

/** Sizes written to build/icons/ for Linux (electron-builder picks them by name). */
export const LINUX_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;
/** Size of build/icon.png, the source electron-builder converts for macOS and Windows. */
export const MAIN_ICON_SIZE = 1024;
