/**
 * XML 1.0 escaping for the REFI-QDA writers.
 *
 * Text and attribute values are escaped (`& < > " '`); in attributes, tab, LF and CR become
 * character references so attribute-value normalisation does not turn them into spaces.
 * Characters XML 1.0 cannot carry at all (C0 controls other than tab/LF/CR, U+FFFE/U+FFFF,
 * lone surrogates) cannot be escaped either: they are removed and counted, and the caller
 * reports the count, so nothing disappears silently.
 */

/** Characters XML 1.0 forbids even as references. */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Collects how many forbidden characters were removed while writing one file. */
export class XmlWriterReport {
  /** Number of characters removed because XML 1.0 cannot represent them. */
  removed = 0;

  /** `text` without XML-forbidden characters (counting what was removed). */
  clean(text: string): string {
    return text.replace(FORBIDDEN, () => {
      this.removed++;
      return '';
    });
  }

  /** Escapes `text` as element content (CR as a reference, so line ends survive parsing). */
  text(text: string): string {
    return this.clean(text).replace(/[&<>\r]/g, (char) => ATTRIBUTE_ESCAPES[char] as string);
  }

  /** Escapes `value` as a double-quoted attribute value. */
  attr(value: string): string {
    return this.clean(value).replace(/[&<>"'\t\n\r]/g, (char) => ATTRIBUTE_ESCAPES[char] as string);
  }
}

const ATTRIBUTE_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** True if `text` contains a character XML 1.0 cannot represent. */
export function hasXmlForbiddenCharacters(text: string): boolean {
  FORBIDDEN.lastIndex = 0;
  const found = FORBIDDEN.test(text);
  FORBIDDEN.lastIndex = 0;
  return found;
}

/** Renders attributes `name="value"` (skipping undefined values) with escaping. */
export function attributes(report: XmlWriterReport, values: Record<string, string | number | boolean | undefined>): string {
  let out = '';
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) continue;
    out += ` ${name}="${report.attr(String(value))}"`;
  }
  return out;
}
