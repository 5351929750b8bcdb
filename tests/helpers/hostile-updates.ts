/**
 * Hand-encoded Yjs updates of the kinds a hostile client sends: many items from distinct
 * clients inserted at one position (integration work grows faster than quadratically),
 * floods of tiny map entries (memory per struct far above its bytes), and items outside
 * the project layout. Written with yjs's own update encoder, so every update decodes.
 */
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/** An item id in a document. */
export interface ItemId {
  readonly client: number;
  readonly clock: number;
}

const BIT6 = 32;
const BIT7 = 64;
const BIT8 = 128;
const CONTENT_STRING = 4;
const CONTENT_ANY = 8;

/** One struct per client `firstClient…firstClient+count-1`, each a character inserted between `origin` and `rightOrigin`. */
export function concurrentInsertsUpdate(count: number, origin: ItemId, rightOrigin: ItemId | null, firstClient = 1_000_000): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  encoding.writeVarUint(encoder.restEncoder, count);
  for (let index = 0; index < count; index++) {
    encoding.writeVarUint(encoder.restEncoder, 1);
    encoder.writeClient(firstClient + index);
    encoding.writeVarUint(encoder.restEncoder, 0);
    encoder.writeInfo(CONTENT_STRING | BIT8 | (rightOrigin ? BIT7 : 0));
    encoder.writeLeftID(Y.createID(origin.client, origin.clock));
    if (rightOrigin) encoder.writeRightID(Y.createID(rightOrigin.client, rightOrigin.clock));
    encoder.writeString('x');
  }
  encoding.writeVarUint(encoder.restEncoder, 0);
  return encoder.toUint8Array();
}

/**
 * `count` tiny entries of root map `root` written by one client from `clock` on: keys
 * `k<n>`, each with the value 0 — a few bytes each on the wire.
 */
export function tinyEntriesUpdate(count: number, root: string, client: number, clock = 0): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  encoding.writeVarUint(encoder.restEncoder, 1);
  encoding.writeVarUint(encoder.restEncoder, count);
  encoder.writeClient(client);
  encoding.writeVarUint(encoder.restEncoder, clock);
  for (let index = 0; index < count; index++) {
    encoder.writeInfo(CONTENT_ANY | BIT6);
    encoder.writeParentInfo(true);
    encoder.writeString(root);
    encoder.writeString(`k${clock + index}`);
    encoder.writeLen(1);
    encoder.writeAny(0);
  }
  encoding.writeVarUint(encoder.restEncoder, 0);
  return encoder.toUint8Array();
}

/** The id of the first item of a `Y.Text` (its first character). */
export function firstItemId(text: Y.Text): ItemId {
  const start = text._start;
  if (!start) throw new Error('the text is empty');
  return { client: start.id.client, clock: start.id.clock };
}
