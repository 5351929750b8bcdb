/**
 * HTML (a saved web page) → reader document. Parsed with htmlparser2, which runs alike
 * in Node and the browser and never executes anything. The article is what the page
 * marks as its article (`<article>`, else `<main>` or `role="main"`, else the body); its
 * text is taken as a reader sees it (`html-walk.ts`). Stated facts: `<title>`,
 * `<meta name="author">`, `<meta property="article:published_time">`.
 */
import { parseDocument } from 'htmlparser2';
import type { ConvertedDocument, StatedFacts } from './article-file.ts';
import { finishConversion, statedValue } from './article-file.ts';
import { BlockBuilder, blocksToDoc } from './blocks.ts';
import type { Block } from './blocks.ts';
import { decodeText } from './detect.ts';
import { ConvertError } from './errors.ts';
import type { ResolvedConvertLimits } from './errors.ts';
import type { DomNode } from './html-walk.ts';
import { collapseWhitespace, rawTextOf, walkHtml } from './html-walk.ts';

/** Every element under `node` (document order) that `test` accepts, not descending into accepted ones. */
function findAll(node: DomNode, test: (element: DomNode) => boolean, found: DomNode[] = []): DomNode[] {
  for (const child of node.children ?? []) {
    if (child.type === 'text' || child.type === 'comment') continue;
    if (test(child)) found.push(child);
    else findAll(child, test, found);
  }
  return found;
}

const named = (name: string) => (element: DomNode) => element.name?.toLowerCase() === name;

/** The element holding the article, and whether it is an `<article>`. */
function articleRoot(document: DomNode): { root: DomNode; isArticle: boolean } {
  const articles = findAll(document, named('article'));
  if (articles.length === 1) return { root: articles[0] as DomNode, isArticle: true };
  const main = findAll(document, (element) => named('main')(element) || element.attribs?.role === 'main')[0];
  if (main) return { root: main, isArticle: false };
  return { root: findAll(document, named('body'))[0] ?? document, isArticle: false };
}

/** The facts a page states in its head. */
function pageFacts(document: DomNode): StatedFacts {
  const metas = findAll(document, named('meta'));
  const meta = (key: string, value: string) => metas.find((element) => element.attribs?.[key]?.toLowerCase() === value)?.attribs?.content;
  const title = findAll(document, named('title'))[0];
  return {
    title: title ? statedValue(collapseWhitespace(rawTextOf(title))) : null,
    author: statedValue(meta('name', 'author')),
    publisher: null,
    date: statedValue(meta('property', 'article:published_time') ?? meta('name', 'article:published_time')),
  };
}

/**
 * The blocks and facts of an HTML text. Throws {@link ConvertError} `malformed` for
 * elements nested deeper than a walk can follow (no page a person reads is).
 */
export function readHtml(html: string, fileName: string): { blocks: Block[]; facts: StatedFacts; hasElements: boolean } {
  try {
    const document = parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true }) as unknown as DomNode;
    const { root, isArticle } = articleRoot(document);
    const builder = new BlockBuilder();
    walkHtml(root, builder, isArticle);
    const hasElements = findAll(document, (element) => element.type === 'tag').length > 0;
    return { blocks: builder.blocks(), facts: pageFacts(document), hasElements };
  } catch (error) {
    if (error instanceof RangeError) throw new ConvertError('malformed', fileName, 'its HTML is nested too deeply to read');
    throw error;
  }
}

/** The charset an HTML file declares in its first bytes (`<meta charset>`), if any. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = String.fromCharCode(...bytes.subarray(0, 2048));
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
}

/** Converts the bytes of an HTML file. */
export function convertHtml(bytes: Uint8Array, fileName: string, limits: ResolvedConvertLimits): ConvertedDocument {
  const html = decodeText(bytes, fileName, declaredCharset(bytes));
  const { blocks, facts, hasElements } = readHtml(html, fileName);
  if (!hasElements) throw new ConvertError('malformed', fileName, 'this is not HTML (it has no elements)');
  return finishConversion(blocksToDoc(blocks), facts, 'html', fileName, limits);
}
