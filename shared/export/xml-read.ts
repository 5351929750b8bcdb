/**
 * A small, strict XML reader for the files Marginalia imports (REFI-QDA codebooks).
 *
 * The shared layer has no DOM, and importing needs only elements, attributes and text, so
 * this reads exactly that: the XML declaration, comments, processing instructions, CDATA,
 * the five predefined entities and character references. A DOCTYPE is refused outright
 * (no entity expansion, so no "billion laughs" or external entities); anything malformed
 * throws `XmlReadError` with the offset, never returns a half-read tree.
 */

/** An element: local name (prefix stripped), attributes by local name, children in order. */
export type XmlElement = {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly (XmlElement | string)[];
};

/** Malformed or refused XML. */
export class XmlReadError extends Error {
  override readonly name = 'XmlReadError';
}

const NAME = /[A-Za-z_:][-A-Za-z0-9_:.\u00B7-\uFFFF]*/y;

function decode(text: string, at: number): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);|&/g, (match, entity: string | undefined) => {
    if (entity === undefined) throw new XmlReadError(`unescaped "&" near offset ${at}`);
    if (entity === 'amp') return '&';
    if (entity === 'lt') return '<';
    if (entity === 'gt') return '>';
    if (entity === 'quot') return '"';
    if (entity === 'apos') return "'";
    const code = entity.startsWith('#x') ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    if (!(code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff))) {
      throw new XmlReadError(`character reference ${match} is not allowed in XML near offset ${at}`);
    }
    return String.fromCodePoint(code);
  });
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** Parses `xml` and returns its root element. */
export function readXml(xml: string): XmlElement {
  let i = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fail = (what: string): never => {
    throw new XmlReadError(`${what} at offset ${i}`);
  };
  const readName = (): string => {
    NAME.lastIndex = i;
    const match = NAME.exec(xml);
    if (!match) return fail('expected a name');
    i += match[0].length;
    return match[0];
  };
  const skipSpace = () => {
    while (i < xml.length && /\s/.test(xml[i] as string)) i++;
  };
  const skipMisc = () => {
    for (;;) {
      skipSpace();
      if (xml.startsWith('<?', i)) {
        const end = xml.indexOf('?>', i);
        if (end < 0) fail('unterminated processing instruction');
        i = end + 2;
      } else if (xml.startsWith('<!--', i)) {
        const end = xml.indexOf('-->', i);
        if (end < 0) fail('unterminated comment');
        i = end + 3;
      } else if (xml.startsWith('<!DOCTYPE', i)) {
        fail('a DOCTYPE is not accepted');
      } else return;
    }
  };
  const readElement = (depth: number): XmlElement => {
    if (depth > 200) fail('elements nested too deeply');
    if (xml[i] !== '<') fail('expected "<"');
    i++;
    const name = readName();
    const attributes: Record<string, string> = {};
    for (;;) {
      skipSpace();
      if (xml.startsWith('/>', i)) {
        i += 2;
        return { name: localName(name), attributes, children: [] };
      }
      if (xml[i] === '>') {
        i++;
        break;
      }
      const attribute = readName();
      skipSpace();
      if (xml[i] !== '=') fail(`expected "=" after ${attribute}`);
      i++;
      skipSpace();
      const quote = xml[i];
      if (quote !== '"' && quote !== "'") return fail('expected a quoted attribute value');
      const end = xml.indexOf(quote, i + 1);
      if (end < 0) fail('unterminated attribute value');
      const raw = xml.slice(i + 1, end);
      if (raw.includes('<')) fail('"<" inside an attribute value');
      if (attribute.startsWith('xmlns')) {
        i = end + 1;
        continue;
      }
      const key = localName(attribute);
      if (key in attributes) fail(`duplicate attribute ${attribute}`);
      attributes[key] = decode(raw.replace(/[\t\n\r]/g, ' '), i);
      i = end + 1;
    }
    const children: (XmlElement | string)[] = [];
    for (;;) {
      if (i >= xml.length) fail(`unclosed element <${name}>`);
      if (xml.startsWith('</', i)) {
        i += 2;
        const closing = readName();
        if (closing !== name) fail(`</${closing}> closes <${name}>`);
        skipSpace();
        if (xml[i] !== '>') fail('expected ">"');
        i++;
        return { name: localName(name), attributes, children };
      }
      if (xml.startsWith('<!--', i)) {
        const end = xml.indexOf('-->', i);
        if (end < 0) fail('unterminated comment');
        i = end + 3;
      } else if (xml.startsWith('<![CDATA[', i)) {
        const end = xml.indexOf(']]>', i);
        if (end < 0) fail('unterminated CDATA section');
        children.push(xml.slice(i + 9, end));
        i = end + 3;
      } else if (xml.startsWith('<?', i)) {
        const end = xml.indexOf('?>', i);
        if (end < 0) fail('unterminated processing instruction');
        i = end + 2;
      } else if (xml[i] === '<') {
        children.push(readElement(depth + 1));
      } else {
        const end = xml.indexOf('<', i);
        const stop = end < 0 ? xml.length : end;
        children.push(decode(xml.slice(i, stop).replace(/\r\n?/g, '\n'), i));
        i = stop;
      }
    }
  };
  skipMisc();
  const root = readElement(0);
  skipMisc();
  if (i < xml.length) fail('content after the root element');
  return root;
}

/** Child elements of `element` named `name`. */
export function childElements(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child): child is XmlElement => typeof child !== 'string' && child.name === name);
}

/** The concatenated text content of `element`. */
export function textContent(element: XmlElement): string {
  return element.children.map((child) => (typeof child === 'string' ? child : textContent(child))).join('');
}
