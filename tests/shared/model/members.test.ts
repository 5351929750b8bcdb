/** Looking up one member: the recorded profile, or nothing for someone the project never saw. */
import { describe, expect, it } from 'vitest';
import type { MemberId } from '#shared/model/ids.ts';
import { getMember } from '#shared/model/members.ts';
import { setMember } from '#shared/model/project.ts';
import { replica } from '../../helpers/replicas.ts';

describe('members', () => {
  it('reads a recorded member and nothing for an unknown one', () => {
    const clock = { now: 1_750_000_000_000 };
    const ana = replica('ana', 1, clock);
    expect(getMember(ana.doc, 'ana' as MemberId)).toBeUndefined();
    setMember(ana.doc, ana.actor, { name: 'Ana', colour: '#d1495b' });
    clock.now += 1000;
    setMember(ana.doc, ana.actor, { name: 'Ana K.', colour: '#00798c' });
    expect(getMember(ana.doc, 'ana' as MemberId)).toEqual({ id: 'ana', name: 'Ana K.', colour: '#00798c', joinedAt: 1_750_000_000_000 });
    expect(getMember(ana.doc, 'ben' as MemberId)).toBeUndefined();
  });
});
