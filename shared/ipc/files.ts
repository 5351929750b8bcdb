/**
 * Files domain of the IPC contract: saving and opening whole files through native dialogs.
 *
 * The renderer never names a path. It proposes a file name and filters; the user picks the
 * place in a dialog owned by the main process, and the renderer learns only the outcome.
 * Failures are values with a human sentence (disk full, permission denied), because the
 * renderer shows them to the user as they are.
 */
import { describeType, invalid, isRecord, isUint8Array, valid, type Validation } from './validation.ts';

/** A dialog filter: a label and the extensions (without dots) it matches; `*` matches all. */
export interface FileFilter {
  name: string;
  extensions: string[];
}

/** Request to save `content` under a name the user confirms in a save dialog. */
export interface SaveFileRequest {
  suggestedName: string;
  content: string | Uint8Array;
  filters: FileFilter[];
}

/** Outcome of a save: the chosen path, or why nothing was written. */
export type SaveFileResult =
  | { saved: true; path: string }
  | { saved: false; reason: 'canceled' | 'error'; message?: string };

/** Request to open one file the user picks in an open dialog. */
export interface OpenFileRequest {
  filters: FileFilter[];
}

/** Outcome of an open: the file's base name and bytes, or why nothing was read. */
export type OpenFileResult =
  | { opened: true; name: string; content: Uint8Array }
  | { opened: false; reason: 'canceled' | 'error'; message?: string };

/** Largest file the app writes or reads in one call (projects and exports stay far below). */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;
/** Longest suggested file name (common file-system limit). */
export const MAX_FILE_NAME_LENGTH = 255;
/** Most filters one dialog may list. */
export const MAX_FILTERS = 16;
/** Most extensions one filter may list. */
export const MAX_EXTENSIONS_PER_FILTER = 16;

const EXTENSION_PATTERN = /^(\*|[A-Za-z0-9][A-Za-z0-9_-]{0,15})$/;
// Control characters and path separators have no place in a suggested base name.
const FORBIDDEN_NAME_CHARACTERS = /[\u0000-\u001f/\\]/;

/** Validates a list of dialog filters. */
export function validateFileFilters(payload: unknown): Validation<FileFilter[]> {
  if (!Array.isArray(payload)) return invalid(`filters must be an array, but received ${describeType(payload)}.`);
  if (payload.length > MAX_FILTERS) return invalid(`filters lists ${payload.length} entries; the limit is ${MAX_FILTERS}.`);
  const filters: FileFilter[] = [];
  for (const [index, entry] of payload.entries()) {
    if (!isRecord(entry)) return invalid(`filters[${index}] must be an object, but received ${describeType(entry)}.`);
    const { name, extensions } = entry;
    if (typeof name !== 'string' || name.length === 0 || name.length > 100) {
      return invalid(`filters[${index}].name must be a non-empty string of at most 100 characters.`);
    }
    if (!Array.isArray(extensions) || extensions.length === 0 || extensions.length > MAX_EXTENSIONS_PER_FILTER) {
      return invalid(`filters[${index}].extensions must be an array of 1 to ${MAX_EXTENSIONS_PER_FILTER} extensions.`);
    }
    for (const extension of extensions) {
      if (typeof extension !== 'string' || !EXTENSION_PATTERN.test(extension)) {
        return invalid(
          `filters[${index}].extensions contains ${JSON.stringify(extension)}; use letters and digits without a dot, or "*".`,
        );
      }
    }
    filters.push({ name, extensions: [...(extensions as string[])] });
  }
  return valid(filters);
}

/** Validates a suggested file name: a bare name, no folders, no control characters. */
export function validateSuggestedName(payload: unknown): Validation<string> {
  if (typeof payload !== 'string') return invalid(`suggestedName must be a string, but received ${describeType(payload)}.`);
  const trimmed = payload.trim();
  if (trimmed.length === 0) return invalid('suggestedName must not be empty.');
  if (payload.length > MAX_FILE_NAME_LENGTH) {
    return invalid(`suggestedName is ${payload.length} characters long; the limit is ${MAX_FILE_NAME_LENGTH}.`);
  }
  if (FORBIDDEN_NAME_CHARACTERS.test(payload)) {
    return invalid('suggestedName must be a file name without folders (no "/" or "\\") or control characters.');
  }
  if (trimmed === '.' || trimmed === '..') return invalid('suggestedName must name a file, not "." or "..".');
  return valid(payload);
}

/** True when content would exceed {@link MAX_FILE_BYTES} once written (UTF-8 for strings). */
function exceedsFileLimit(content: string | Uint8Array): boolean {
  if (typeof content !== 'string') return content.byteLength > MAX_FILE_BYTES;
  // A UTF-16 unit takes between 1 and 3 UTF-8 bytes, so only the middle band needs encoding.
  if (content.length > MAX_FILE_BYTES) return true;
  if (content.length * 3 <= MAX_FILE_BYTES) return false;
  return utf8ByteLength(content) > MAX_FILE_BYTES;
}

/** UTF-8 length of a string (lone surrogates count as the 3-byte replacement character). */
function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (const character of text) {
    const codePoint = character.codePointAt(0) ?? 0;
    bytes += codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** Validates a {@link SaveFileRequest}. */
export function validateSaveFileRequest(payload: unknown): Validation<SaveFileRequest> {
  if (!isRecord(payload)) return invalid(`saveFile expects an object, but received ${describeType(payload)}.`);
  const name = validateSuggestedName(payload.suggestedName);
  if (!name.ok) return name;
  const { content } = payload;
  if (typeof content !== 'string' && !isUint8Array(content)) {
    return invalid(`content must be a string or a Uint8Array, but received ${describeType(content)}.`);
  }
  if (exceedsFileLimit(content)) return invalid(`content is larger than the ${MAX_FILE_BYTES}-byte limit.`);
  const filters = validateFileFilters(payload.filters);
  if (!filters.ok) return filters;
  return valid({ suggestedName: name.value, content, filters: filters.value });
}

/** Validates an {@link OpenFileRequest}. */
export function validateOpenFileRequest(payload: unknown): Validation<OpenFileRequest> {
  if (!isRecord(payload)) return invalid(`openFile expects an object, but received ${describeType(payload)}.`);
  const filters = validateFileFilters(payload.filters);
  if (!filters.ok) return filters;
  return valid({ filters: filters.value });
}
