/**
 * Validation results for IPC payloads.
 *
 * Everything that crosses the process boundary arrives as `unknown`; each channel owns a
 * hand-written type guard that either returns the typed value or a sentence saying what
 * was wrong. Results are values, not exceptions, so the gateway decides how to report them
 * and tests can assert the exact message.
 */

/** The outcome of checking one payload: the typed value, or a human-readable reason. */
export type Validation<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

/** A payload check for one channel. */
export type Validator<T> = (payload: unknown) => Validation<T>;

/** Wraps a checked value. */
export function valid<T>(value: T): Validation<T> {
  return { ok: true, value };
}

/** Wraps a rejection reason. */
export function invalid<T>(error: string): Validation<T> {
  return { ok: false, error };
}

/** True for plain objects (not null, not arrays); used before reading fields of unknown payloads. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * True for Uint8Array, including copies that arrive from another realm (structured clone
 * across the context bridge), where `instanceof` alone can fail.
 */
export function isUint8Array(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array || Object.prototype.toString.call(value) === '[object Uint8Array]';
}

/** Short description of a value's type for error messages ("array", "null", "number"...). */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (isUint8Array(value)) return 'Uint8Array';
  return typeof value;
}
