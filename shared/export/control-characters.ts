/**
 * C0 control characters in exported text. Names, quotes and notes come from people and
 * from teammates' clients, so they may hold NUL, bell, escape or backspace: characters a
 * spreadsheet or a Markdown viewer shows as garbage, truncates at, or (a terminal) acts
 * on. The text exports keep only the controls their formats carry as text — tab and line
 * breaks — and drop the rest.
 */

/** Every C0 control except tab (U+0009), line feed (U+000A) and carriage return (U+000D). */
const DROPPED_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

/** `text` without the C0 controls other than tab, line feed and carriage return. */
export function dropControlCharacters(text: string): string {
  return text.replace(DROPPED_CONTROLS, '');
}
