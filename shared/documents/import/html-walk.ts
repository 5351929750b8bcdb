/**
 * The article text of an HTML tree, as a reader sees it: a walk over htmlparser2's DOM
 * feeding a {@link BlockBuilder}.
 *
 * Headings h1–h6 (deeper than 4 become 4), paragraphs, list items (nested lists
 * flattened), block quotes, table cells (each non-empty cell a paragraph, row by row) and
 * `pre` (one paragraph per non-empty line). Any other block element (div, section, …)
 * ends the paragraph before it and after it, as a browser lays it out; `br` ends one too.
 * Inline elements are flattened to their text, whitespace collapsed as a browser does
 * (runs of space, tab and line breaks become one space; a no-break space stays).
 * Left out: navigation, page headers and footers, asides, scripts, styles, forms,
 * templates, embedded objects, comments and anything hidden (`hidden`, `aria-hidden`,
 * `display: none`, `visibility: hidden`).
 */
import type { BlockBuilder } from './blocks.ts';

/** The parts of a domhandler node the walk reads. */
export interface DomNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
  parent?: DomNode | null;
}

const alwaysDropped = new Set([
  'nav', 'footer', 'aside', 'script', 'style', 'noscript', 'template', 'form', 'button', 'select', 'textarea', 'input',
  'label', 'iframe', 'object', 'embed', 'svg', 'math', 'canvas', 'audio', 'video', 'map', 'head', 'title', 'meta', 'link', 'dialog',
]);

const blockElements = new Set([
  'html', 'body', 'main', 'article', 'section', 'header', 'div', 'p', 'address', 'center', 'details', 'summary', 'dl', 'dt', 'dd',
  'figure', 'figcaption', 'fieldset', 'legend', 'hgroup', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'hr', 'br', 'li',
]);

/** True for an element a browser would not show. */
function isHidden(node: DomNode): boolean {
  const attribs = node.attribs ?? {};
  if ('hidden' in attribs || attribs['aria-hidden'] === 'true') return true;
  return /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(attribs.style ?? '');
}

/** The text of a subtree, whitespace as in the source (for `pre`). */
export function rawTextOf(node: DomNode): string {
  if (node.type === 'text' || node.type === 'cdata') return node.data ?? (node.children ?? []).map(rawTextOf).join('');
  if (node.type === 'comment' || node.type === 'directive') return '';
  return (node.children ?? []).map(rawTextOf).join('');
}

/** Collapses whitespace as a browser lays out normal text. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[ \t\n\r\f]+/g, ' ').trim();
}

/**
 * Walks `root`'s children into `builder`. `keepHeaders`: the root is an article, so its
 * own `header` (title, byline) is part of it; elsewhere a `header` is the page's and left out.
 */
export function walkHtml(root: DomNode, builder: BlockBuilder, keepHeaders: boolean): void {
  let buffer = '';
  let headingLevel: number | null = null;
  const flush = () => {
    const text = collapseWhitespace(buffer);
    buffer = '';
    if (text === '') return;
    if (headingLevel !== null) builder.heading(headingLevel, text);
    else builder.paragraph(text);
  };
  const visit = (node: DomNode): void => {
    if (node.type === 'text' || node.type === 'cdata') {
      buffer += node.data ?? rawTextOf(node);
      return;
    }
    if (node.type === 'comment' || node.type === 'directive') return;
    const name = (node.name ?? '').toLowerCase();
    if (node.type !== 'root') {
      if (alwaysDropped.has(name) || (name === 'header' && !keepHeaders) || isHidden(node)) return;
    }
    const heading = /^h([1-6])$/.exec(name);
    if (heading) {
      flush();
      headingLevel = Number(heading[1]);
      (node.children ?? []).forEach(visit);
      flush();
      headingLevel = null;
      return;
    }
    if (name === 'pre') {
      flush();
      for (const line of rawTextOf(node).split(/\r\n|\r|\n/)) builder.paragraph(line);
      return;
    }
    const container = name === 'ul' || name === 'ol' || name === 'menu' ? 'list' : name === 'blockquote' ? 'quote' : null;
    if (container !== null || blockElements.has(name)) flush();
    if (container === 'list') builder.openList(name === 'ol', Number(node.attribs?.start ?? '1'));
    if (container === 'quote') builder.openQuote();
    (node.children ?? []).forEach(visit);
    if (container !== null || blockElements.has(name)) flush();
    if (container !== null) builder.close();
  };
  visit(root);
  flush();
}
