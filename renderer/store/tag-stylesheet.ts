/**
 * Per-tag highlight colours as a constructed stylesheet.
 *
 * The CSP allows no inline `<style>` and no `style=""`, but a constructed CSSStyleSheet
 * adopted by the document is CSSOM, which it allows. One rule pair per tag:
 * `.hl-t-<id>` paints the translucent background of a highlight whose first tag it is,
 * `.hl-u-<id>` the double underline of a highlight carrying further tags (one quiet,
 * consistent marking however many there are, never a glyph in the text);
 * `.tag-swatch-<id>` colours swatches in the panels; `.hl-c-<hex>` and `.colour-swatch-<hex>`
 * do the same for the named colours a highlight can be given (highlight-colours.ts). Rebuilt only when the codebook changes
 * (a few dozen rules). The same rebuild hands the tag names to `onNames`, so the reader can
 * name a highlight's codes on hover without reading the model while it paints.
 */
import type * as Y from 'yjs';
import { observeProject } from '#shared/model/observe.ts';
import { buildTagIndex } from '#shared/model/tag-index.ts';
import { highlightColourClass } from '../reader/highlight-segments.ts';
import { HIGHLIGHT_COLOURS } from './highlight-colours.ts';

const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;

/** `#rgb`/`#rrggbb` → `rgba(r, g, b, alpha)`; unknown values fall back to highlighter yellow. */
export function translucent(colour: string, alpha: number): string {
  const match = HEX.exec(colour.trim());
  let hex = match ? (match[1] as string) : 'ffd54f';
  if (hex.length === 3) hex = hex.replace(/./g, (digit) => digit + digit);
  const value = Number.parseInt(hex, 16);
  return `rgba(${(value >> 16) & 255}, ${(value >> 8) & 255}, ${value & 255}, ${alpha})`;
}

/** Tag id → name for every tag of `doc`. */
export function tagNames(doc: Y.Doc): Map<string, string> {
  return new Map([...buildTagIndex(doc).tags.values()].map((tag) => [tag.id, tag.name]));
}

/** CSS text for every tag of `doc`. */
export function tagRules(doc: Y.Doc): string {
  const rules: string[] = [];
  for (const tag of buildTagIndex(doc).tags.values()) {
    const solid = translucent(tag.colour, 1);
    rules.push(`.hl-t-${tag.id}{background-color:${translucent(tag.colour, 0.38)}}`);
    rules.push(`.hl-u-${tag.id}{text-decoration:underline double ${solid} 2px;text-underline-offset:3px}`);
    rules.push(`.tag-swatch-${tag.id}{background-color:${solid}}`);
  }
  // A highlight's own colour (after the tag rules, so it wins over its tag's background).
  for (const { colour } of HIGHLIGHT_COLOURS) {
    rules.push(`.${highlightColourClass(colour)}{background-color:${translucent(colour, 0.38)}}`);
    rules.push(`.colour-swatch-${colour.slice(1)}{background-color:${colour}}`);
  }
  return rules.join('\n');
}

/**
 * Adopts a stylesheet with the tag colours of `doc` and keeps it current, handing the tag
 * names to `onNames` on every rebuild; returns the detach.
 */
export function adoptTagStylesheet(doc: Y.Doc, target: Document = document, onNames: (names: Map<string, string>) => void = () => undefined): () => void {
  const sheet = new CSSStyleSheet();
  const rebuild = (): void => {
    sheet.replaceSync(tagRules(doc));
    onNames(tagNames(doc));
  };
  rebuild();
  target.adoptedStyleSheets = [...target.adoptedStyleSheets, sheet];
  const stop = observeProject(doc, (change) => {
    if (change.tags.size > 0) rebuild();
  });
  return () => {
    stop();
    target.adoptedStyleSheets = target.adoptedStyleSheets.filter((candidate) => candidate !== sheet);
  };
}
