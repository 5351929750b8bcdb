/**
 * Shell domain of the IPC contract: handing links to the operating system.
 *
 * The payload check here is shape only (a bounded string). Whether a URL may be opened
 * (https only, after parsing) is decided in the main process, which owns a URL parser and
 * the `shell` module; this folder stays environment-free.
 */
import { describeType, invalid, valid, type Validation } from './validation.ts';

/** Longest URL accepted for opening in the system browser. */
export const MAX_EXTERNAL_URL_LENGTH = 2048;

/** Validates the payload of `openExternal`: a non-empty string of bounded length. */
export function validateExternalUrl(payload: unknown): Validation<string> {
  if (typeof payload !== 'string') return invalid(`Expected a URL string, but received ${describeType(payload)}.`);
  if (payload.length === 0) return invalid('Expected a URL, but received an empty string.');
  if (payload.length > MAX_EXTERNAL_URL_LENGTH) {
    return invalid(`URL is ${payload.length} characters long; the limit is ${MAX_EXTERNAL_URL_LENGTH}.`);
  }
  return valid(payload);
}
