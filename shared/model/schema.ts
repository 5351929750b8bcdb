/**
 * Schema versioning for project docs.
 *
 * The doc stores the schema version that wrote it (`p.v` major, `p.w` minor). A client may
 * write to a doc whose major version it knows; a newer major means the layout may have
 * changed in ways this client would corrupt, so the client opens it read-only and every
 * write operation throws `SchemaError`. Minor versions only add optional data and stay
 * writable. An empty doc (not yet synced or created) is writable at this client's version.
 */
import type * as Y from 'yjs';
import { META, roots } from './layout.ts';

/** The schema version this code reads and writes. */
export const SCHEMA_VERSION = { major: 1, minor: 0 } as const;

/** Whether this client may write to a doc. */
export type SchemaStatus =
  | { readonly writable: true; readonly major: number; readonly minor: number; readonly empty: boolean }
  | { readonly writable: false; readonly major: number; readonly minor: number; readonly reason: string };

/** Thrown by every write operation on a doc this client must not write. */
export class SchemaError extends Error {
  override readonly name = 'SchemaError';
}

/** Reads the stored schema version of `doc` and tells whether this client may write it. */
export function checkSchema(doc: Y.Doc): SchemaStatus {
  const meta = roots(doc).meta;
  const major = meta.get(META.major);
  const minor = meta.get(META.minor);
  if (major === undefined) return { writable: true, major: SCHEMA_VERSION.major, minor: SCHEMA_VERSION.minor, empty: true };
  if (typeof major !== 'number' || !Number.isInteger(major)) {
    return { writable: false, major: NaN, minor: NaN, reason: 'the project has an unreadable schema version' };
  }
  const minorNumber = typeof minor === 'number' ? minor : 0;
  if (major > SCHEMA_VERSION.major) {
    return {
      writable: false,
      major,
      minor: minorNumber,
      reason: `this project was written by a newer Marginalia (schema ${major}.${minorNumber}); update the app to edit it`,
    };
  }
  return { writable: true, major, minor: minorNumber, empty: false };
}

/** Throws `SchemaError` unless this client may write `doc`. */
export function assertWritable(doc: Y.Doc): void {
  const status = checkSchema(doc);
  if (!status.writable) throw new SchemaError(`read-only project: ${status.reason}`);
}
