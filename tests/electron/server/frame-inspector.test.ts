/** Front-door frame checks: every frame a provider sends passes; broken ones are named. */
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { encodeAwarenessUpdate, Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { inspectClientFrame } from '../../../electron/server/frame-inspector.ts';

const room = 'project/Slr7gOcuQv2_q1GrIRdttw';

function frame(type: number, write: (encoder: encoding.Encoder) => void = () => {}, address = room): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, address);
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

function sampleUpdate(): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('p').set('n', 'hello');
  return Y.encodeStateAsUpdate(doc);
}

describe('inspectClientFrame', () => {
  it('accepts the frames a provider sends and hands back the update they carry', () => {
    const update = sampleUpdate();
    const doc = new Y.Doc();
    const awareness = new Awareness(doc);
    awareness.setLocalState({ user: { name: 'Ana' } });
    const frames: Array<[Uint8Array, Uint8Array | null]> = [
      [frame(0, (e) => { encoding.writeVarUint(e, 0); encoding.writeVarUint8Array(e, Y.encodeStateVector(doc)); }), null],
      [frame(0, (e) => { encoding.writeVarUint(e, 1); encoding.writeVarUint8Array(e, update); }), update],
      [frame(0, (e) => { encoding.writeVarUint(e, 2); encoding.writeVarUint8Array(e, update); }), update],
      [frame(1, (e) => encoding.writeVarUint8Array(e, encodeAwarenessUpdate(awareness, [doc.clientID]))), null],
      [frame(2, (e) => { encoding.writeVarUint(e, 0); encoding.writeVarString(e, 'token'); encoding.writeVarString(e, '4.8.0'); }), null],
      [frame(3), null],
      [frame(5, (e) => encoding.writeVarString(e, '{"hello":1}')), null],
      [frame(7), null],
    ];
    for (const [bytes, carried] of frames) {
      expect(inspectClientFrame(bytes)).toEqual({ ok: true, room, update: carried });
    }
  });

  it('strips a session suffix from the room address', () => {
    const result = inspectClientFrame(frame(3, () => {}, `${room}\0session1`));
    expect(result).toEqual({ ok: true, room, update: null });
  });

  it('rejects truncated, garbled, unknown and server-only frames', () => {
    const update = sampleUpdate();
    const bad: Uint8Array[] = [
      new Uint8Array(),
      Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff]),
      frame(0, (e) => { encoding.writeVarUint(e, 0); encoding.writeVarUint8Array(e, Uint8Array.from([5, 1])); }),
      frame(0, (e) => { encoding.writeVarUint(e, 2); encoding.writeVarUint(e, update.length); }),
      frame(0, (e) => { encoding.writeVarUint(e, 9); encoding.writeVarUint8Array(e, update); }),
      frame(1, (e) => encoding.writeVarUint8Array(e, Uint8Array.from([1, 5, 1, 3, 0x7b, 0x7b, 0x7b]))),
      frame(6, (e) => encoding.writeVarString(e, 'relay')),
      frame(42),
      frame(2),
      frame(3, () => {}, ''),
      frame(3, () => {}, 'x'.repeat(300)),
    ];
    for (const bytes of bad) expect(inspectClientFrame(bytes).ok, `frame ${Array.from(bytes.slice(0, 12))}`).toBe(false);
  });

  it('never throws on random bytes', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < 2000; round++) {
      const bytes = Uint8Array.from({ length: 1 + Math.floor(random() * 64) }, () => Math.floor(random() * 256));
      expect(() => inspectClientFrame(bytes)).not.toThrow();
    }
  });
});
