/**
 * Entity identifiers for the project model.
 *
 * Every entity id is a random version-4 UUID (122 random bits). Inside the Y.Doc the
 * UUID is written as 22 characters of base64url instead of 36 hex-and-dash characters:
 * ids appear as map keys and values in every update, and the shorter form is what keeps a
 * tag toggle under the 64-byte budget (docs/architecture.md §8). `idToUuid` gives the canonical
 * dashed form for exports that require GUIDs (REFI-QDA, Web Annotation).
 * Ids are branded so a TagId can never be passed where a HighlightId is expected.
 */

/** Minimal view of the Web Crypto global (present in browsers and Node ≥ 19); the shared tsconfig has no DOM or Node lib. */
declare const crypto: { getRandomValues<T extends Uint8Array>(array: T): T };

declare const brand: unique symbol;
/** A string tagged with the kind of entity it names. */
export type Brand<T, B extends string> = T & { readonly [brand]: B };

/** Id of a project (one Y.Doc). */
export type ProjectId = Brand<string, 'ProjectId'>;
/** Id of a highlight (a span of one document). */
export type HighlightId = Brand<string, 'HighlightId'>;
/** Id of a tag (a code of the codebook). */
export type TagId = Brand<string, 'TagId'>;
/** Id of a note attached to a highlight. */
export type NoteId = Brand<string, 'NoteId'>;
/** Id of a reply in a note's thread. */
export type ReplyId = Brand<string, 'ReplyId'>;
/** Id of a memo record (project, document or code memo; shared/model/memos.ts). */
export type MemoId = Brand<string, 'MemoId'>;
/** Id of a team member. */
export type MemberId = Brand<string, 'MemberId'>;

/** Produces fresh ids; injectable so tests and the fuzz harness are reproducible. */
export type IdGenerator = () => string;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const ID_PATTERN = /^[A-Za-z0-9_-]{21}[AQgw]$/;

function bytesToId(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += ALPHABET[(buffer >> bits) & 63];
    }
  }
  if (bits > 0) out += ALPHABET[(buffer << (6 - bits)) & 63];
  return out;
}

function idToBytes(id: string): Uint8Array {
  const bytes = new Uint8Array(16);
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const char of id) {
    buffer = ((buffer << 6) | ALPHABET.indexOf(char)) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      if (index < 16) bytes[index++] = (buffer >> bits) & 0xff;
    }
  }
  return bytes;
}

/** Turns 16 bytes (any source of randomness) into a v4 UUID id in the compact form. */
export function idFromRandomBytes(random: Uint8Array): string {
  if (random.length !== 16) throw new Error(`an id needs 16 random bytes, got ${random.length}`);
  const bytes = Uint8Array.from(random);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  return bytesToId(bytes);
}

/** A new random id (v4 UUID, compact form) from the platform's cryptographic random source. */
export const newId: IdGenerator = () => idFromRandomBytes(crypto.getRandomValues(new Uint8Array(16)));

/** True if `value` has the shape of a compact id (22 base64url characters encoding 16 bytes). */
export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}

/** The canonical dashed UUID (`xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx`) of a compact id. */
export function idToUuid(id: string): string {
  if (!isId(id)) throw new Error(`not an id: ${JSON.stringify(id)}`);
  const hex = Array.from(idToBytes(id), (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The compact id of a dashed UUID (inverse of `idToUuid`), e.g. when importing a REFI-QDA project. */
export function uuidToId(uuid: string): string {
  const hex = uuid.replace(/-/g, '').toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(hex)) throw new Error(`not a UUID: ${JSON.stringify(uuid)}`);
  const bytes = new Uint8Array(16);
  for (let i = 0; i < 16; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytesToId(bytes);
}
