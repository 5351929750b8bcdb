/** Room naming shared by client and server: one room per project, reversible, strict. */
import { describe, expect, it } from 'vitest';
import type { ProjectId } from '#shared/model/ids.ts';
import { newId } from '#shared/model/ids.ts';
import { projectFromRoom, roomForProject } from '#shared/sync/rooms.ts';

describe('project rooms', () => {
  it('round-trips a project id through its room name', () => {
    const projectId = newId() as ProjectId;
    expect(roomForProject(projectId)).toBe(`project/${projectId}`);
    expect(projectFromRoom(roomForProject(projectId))).toBe(projectId);
  });

  it('gives distinct projects distinct rooms', () => {
    const a = newId() as ProjectId;
    const b = newId() as ProjectId;
    expect(roomForProject(a)).not.toBe(roomForProject(b));
  });

  it('rejects names that are not project rooms', () => {
    const projectId = newId();
    for (const name of ['', projectId, `projects/${projectId}`, `project/${projectId}x`, 'project/', `project/${projectId}\0abc`]) {
      expect(projectFromRoom(name)).toBeNull();
    }
  });

  it('throws when asked for the room of a malformed project id', () => {
    expect(() => roomForProject('not an id' as ProjectId)).toThrow(/not a project id/);
  });
});
