/**
 * Member names as the app shows them: a name more than one member has (any case or accent)
 * is numbered from its second holder on, in the order given; other names stay as they are.
 */
import { describe, expect, it } from 'vitest';
import { distinctNames } from '../../../renderer/panels/people.ts';

describe('distinctNames', () => {
  it('numbers a shared name from its second holder on, and leaves the others alone', () => {
    const members = [{ id: 'a', name: 'Alex' }, { id: 'b', name: 'alex' }, { id: 'c', name: 'Babak' }, { id: 'd', name: 'ALEX' }];
    expect(distinctNames(members).map((member) => `${member.id}:${member.name}`)).toEqual(['a:Alex', 'b:alex (2)', 'c:Babak', 'd:ALEX (3)']);
  });

  it('treats names that differ only in accents as the same name', () => {
    expect(distinctNames([{ name: 'Gülnar Əliyeva' }, { name: 'Gulnar Eliyeva' }]).map((member) => member.name)).toEqual(['Gülnar Əliyeva', 'Gulnar Eliyeva (2)']);
  });

  it('returns the members themselves where no name is shared', () => {
    const members = [{ name: 'Ana' }, { name: 'Bo' }];
    const shown = distinctNames(members);
    expect(shown[0]).toBe(members[0]);
    expect(shown[1]).toBe(members[1]);
  });
});
