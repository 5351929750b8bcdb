/**
 * Writing an import as the people it names, without touching the project until the end.
 *
 * The model records who wrote what by Yjs client (docs/architecture.md §5), so each
 * person's writes run on a replica of their own (a fresh Y.Doc with its own client id,
 * registered to their member by `write`). Replicas exchange state through one scratch copy
 * of the project. Writes are queued in phases (members, codes and documents; highlights;
 * codings; notes; replies), and within a phase run person by person, so the replicas sync
 * a few times per person rather than once per write. `commit` gives the project everything
 * new as one update under the given origin; until then the project is only read.
 */
import * as Y from 'yjs';
import type { IdGenerator, MemberId } from '../model/ids.ts';
import type { Actor } from '../model/write.ts';

type Step = { readonly member: MemberId; readonly at: number | undefined; readonly run: (replica: Y.Doc, actor: Actor) => void };

/** Runs writes as their authors on scratch replicas and commits them to a project in one update. */
export class ScratchWriter {
  private readonly scratch = new Y.Doc();
  private readonly replicas = new Map<MemberId, Y.Doc>();
  private readonly phases: Step[][] = [];
  private readonly usedClients: Set<number>;
  private readonly target: Y.Doc;
  private readonly clock: () => number;
  private readonly newId: IdGenerator;

  /** Starts from a copy of `target`; `clock` times what has no time of its own, `newId` makes ids the writes need. */
  constructor(target: Y.Doc, clock: () => number, newId: IdGenerator) {
    this.target = target;
    this.clock = clock;
    this.newId = newId;
    Y.applyUpdate(this.scratch, Y.encodeStateAsUpdate(target));
    this.usedClients = new Set([...Y.decodeStateVector(Y.encodeStateVector(target)).keys(), target.clientID]);
  }

  private replica(member: MemberId): Y.Doc {
    let replica = this.replicas.get(member);
    if (!replica) {
      replica = new Y.Doc();
      while (this.usedClients.has(replica.clientID)) replica.clientID = Math.floor(Math.random() * 0xffffffff);
      this.usedClients.add(replica.clientID);
      this.replicas.set(member, replica);
    }
    return replica;
  }

  private runAs<T>(member: MemberId, steps: readonly { at: number | undefined; run: (replica: Y.Doc, actor: Actor) => T }[]): T[] {
    const replica = this.replica(member);
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(this.scratch, Y.encodeStateVector(replica)));
    const results = steps.map((step) => step.run(replica, { member, now: () => step.at ?? this.clock(), newId: this.newId }));
    Y.applyUpdate(this.scratch, Y.encodeStateAsUpdate(replica, Y.encodeStateVector(this.scratch)));
    return results;
  }

  /** Queues a write by `member` at time `at` (ms; undefined = now) in `phase` (lower phases run first). */
  step(member: MemberId, at: number | undefined, run: (replica: Y.Doc, actor: Actor) => void, phase = 0): void {
    while (this.phases.length <= phase) this.phases.push([]);
    (this.phases[phase] as Step[]).push({ member, at, run });
  }

  /** Runs one write by `member` right away (after nothing queued) and returns its result. */
  now<T>(member: MemberId, run: (replica: Y.Doc, actor: Actor) => T): T {
    return this.runAs(member, [{ at: undefined, run }])[0] as T;
  }

  /** Runs every queued write, phase by phase, person by person within a phase. */
  flush(): void {
    for (const steps of this.phases.splice(0)) {
      const byMember = new Map<MemberId, Step[]>();
      for (const step of steps) {
        const list = byMember.get(step.member);
        if (list) list.push(step);
        else byMember.set(step.member, [step]);
      }
      for (const [member, list] of byMember) this.runAs(member, list);
    }
  }

  /** Gives the project everything written, as one update under `origin`. */
  commit(origin: unknown): void {
    this.flush();
    const update = Y.encodeStateAsUpdate(this.scratch, Y.encodeStateVector(this.target));
    Y.applyUpdate(this.target, update, origin);
    for (const replica of this.replicas.values()) replica.destroy();
    this.scratch.destroy();
  }
}
