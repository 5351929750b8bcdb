/**
 * Presence: remote awareness states are validated field by field (a teammate on another
 * version, or a hostile one, cannot inject CSS or break the reader), peers exclude the local
 * client, publishing is idempotent, and colours become CSS only through validated hex.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import type { MemberId } from '#shared/model/ids.ts';
import { initials, listPeers, publishPresence, readPresence, PRESENCE_FIELD, type AwarenessLike } from '../../../renderer/sync/presence.ts';
import { presenceRules } from '../../../renderer/sync/presence-stylesheet.ts';

const member = { id: 'member-1' as MemberId, name: 'Ana Aliyeva', colour: '#00798c' };
const valid = { v: 1, member, documentId: 'doc', selection: { documentId: 'doc', start: 3, end: 9 } };

describe('readPresence', () => {
  it('accepts a well-formed state', () => {
    expect(readPresence({ [PRESENCE_FIELD]: valid })).toEqual(valid);
  });

  it('rejects wrong versions, missing members and non-hex colours', () => {
    expect(readPresence({ [PRESENCE_FIELD]: { ...valid, v: 2 } })).toBeNull();
    expect(readPresence({ [PRESENCE_FIELD]: { ...valid, member: null } })).toBeNull();
    expect(readPresence({ [PRESENCE_FIELD]: { ...valid, member: { ...member, colour: 'red;background:url(x)' } } })).toBeNull();
    expect(readPresence({})).toBeNull();
    expect(readPresence(undefined)).toBeNull();
  });

  it('drops a malformed selection but keeps the person', () => {
    for (const selection of [{ documentId: 'doc', start: 9, end: 3 }, { documentId: 'doc', start: -1, end: 3 }, { documentId: 'doc', start: 1.5, end: 3 }, 'x']) {
      expect(readPresence({ [PRESENCE_FIELD]: { ...valid, selection } })?.selection).toBeNull();
    }
  });

  it('truncates absurdly long names', () => {
    const long = readPresence({ [PRESENCE_FIELD]: { ...valid, member: { ...member, name: 'x'.repeat(500) } } });
    expect(long?.member.name.length).toBe(80);
  });
});

describe('peers through a real y-protocols Awareness', () => {
  it('lists other clients only, sorted by name, and publishes idempotently', () => {
    const mine = new Awareness(new Y.Doc());
    const theirs = new Awareness(new Y.Doc());
    const other = new Awareness(new Y.Doc());
    publishPresence(theirs as unknown as AwarenessLike, { member: { ...member, id: 'b' as MemberId, name: 'Bo' } });
    publishPresence(other as unknown as AwarenessLike, { member: { ...member, id: 'c' as MemberId, name: 'Cem' }, documentId: 'doc' });
    publishPresence(mine as unknown as AwarenessLike, { member });
    // Deliver their states to mine, as the provider would.
    mine.states.set(theirs.clientID, theirs.getLocalState() as Record<string, unknown>);
    mine.states.set(other.clientID, other.getLocalState() as Record<string, unknown>);
    mine.states.set(999_999, { [PRESENCE_FIELD]: { v: 7 } });
    const peers = listPeers(mine as unknown as AwarenessLike);
    expect(peers.map((peer) => peer.member.name)).toEqual(['Bo', 'Cem']);
    expect(peers[1]?.documentId).toBe('doc');

    let changes = 0;
    mine.on('change', () => changes++);
    publishPresence(mine as unknown as AwarenessLike, { member, documentId: null, selection: null });
    expect(changes).toBe(0);
    publishPresence(mine as unknown as AwarenessLike, { member, documentId: 'doc', selection: { documentId: 'doc', start: 1, end: 4 } });
    expect(changes).toBe(1);
    expect(readPresence(mine.getLocalState() ?? undefined)?.selection).toEqual({ documentId: 'doc', start: 1, end: 4 });
    for (const awareness of [mine, theirs, other]) awareness.destroy();
  });
});

describe('avatars and colours', () => {
  it('makes initials from the first two words', () => {
    expect(initials('Ana Aliyeva')).toBe('AA');
    expect(initials('  nigar  ')).toBe('N');
    expect(initials('Élodie de la Tour')).toBe('ÉD');
    expect(initials('')).toBe('?');
  });

  it('writes CSS rules only for valid hex colours, once each', () => {
    const css = presenceRules(['#00798C', '#00798c', 'red', '#12345', '#d1495b']);
    expect(css.match(/\.remote-selection\./g)?.length).toBe(2);
    expect(css).toContain('.remote-selection.remote-c-00798c{background-color:rgba(0, 121, 140, 0.22)');
    expect(css).not.toContain('red');
  });
});
