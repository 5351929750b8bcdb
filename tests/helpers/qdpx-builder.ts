/**
 * Builds REFI-QDA project archives the way other QDA programs write them, from the
 * standard (QDA-XML 1.0, tests/conformance/refi-qda/Project.xsd): a small element builder
 * for the `.qde`, code-point offsets computed from the text as the file holds it (CRLF
 * included), and a zip with whatever folder names and `.qde` name a test asks for.
 */
import { strToU8, zipSync } from 'fflate';

/** An XML element to render. */
export type Xml = { readonly name: string; readonly attrs?: Record<string, string | number | boolean | undefined>; readonly children?: readonly (Xml | string)[] };

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\r/g, '&#13;');

/** Shorthand for an element. */
export function el(name: string, attrs: Xml['attrs'] = {}, ...children: (Xml | string)[]): Xml {
  return { name, attrs, children };
}

/** Renders an element (and its children) as XML text. */
export function render(node: Xml | string, indent = ''): string {
  if (typeof node === 'string') return escape(node);
  const attrs = Object.entries(node.attrs ?? {}).flatMap(([key, value]) => (value === undefined ? [] : [` ${key}="${escape(String(value))}"`])).join('');
  const children = node.children ?? [];
  if (children.length === 0) return `${indent}<${node.name}${attrs}/>`;
  if (children.every((child) => typeof child === 'string')) return `${indent}<${node.name}${attrs}>${children.map((child) => render(child)).join('')}</${node.name}>`;
  return `${indent}<${node.name}${attrs}>\n${children.map((child) => render(child, `${indent}  `)).join('\n')}\n${indent}</${node.name}>`;
}

/** A whole `.qde` document with the project namespace around `children`. */
export function qde(projectAttrs: Xml['attrs'], ...children: Xml[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${render({ name: 'Project', attrs: { xmlns: 'urn:QDA-XML:project:1.0', ...projectAttrs }, children })}\n`;
}

/** Code points before the first occurrence (the `occurrence`-th, from 0) of `phrase` in `text`, and after it: a selection's start and end. */
export function codePointSpan(text: string, phrase: string, occurrence = 0): { startPosition: number; endPosition: number } {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(phrase, at + 1);
  if (at < 0) throw new Error(`"${phrase}" is not in the text`);
  const startPosition = [...text.slice(0, at)].length;
  return { startPosition, endPosition: startPosition + [...phrase].length };
}

/** Zips `files` (path → text or bytes) into a `.qdpx`. */
export function qdpx(files: Record<string, string | Uint8Array>): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const [path, content] of Object.entries(files)) entries[path] = typeof content === 'string' ? strToU8(content) : content;
  return zipSync(entries, { level: 6, mtime: new Date(Date.UTC(2026, 0, 1)) });
}

/** A fixed GUID for test entity `n` (upper case, as some programs write them). */
export function guid(n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `0000${hex.slice(0, 4)}-1111-4222-8333-${hex}`.toUpperCase();
}
