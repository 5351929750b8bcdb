/**
 * A seeded multi-replica harness for the project model (the Yjs-tests idea, written here):
 * N teammates edit their own Y.Doc with random operations; every update goes into per-link
 * queues that are delivered in random order; teammates go offline (queues held) and come
 * back. Each operation is written to a ledger, so the end state can be checked against what
 * everyone did (docs/architecture.md §5), not just against the other replicas.
 */
import * as Y from 'yjs';
import { addHighlight, applyTag, deleteHighlight, removeTag, restoreHighlight } from '#shared/model/highlights.ts';
import { idFromRandomBytes, type HighlightId, type MemberId, type NoteId, type ReplyId, type TagId } from '#shared/model/ids.ts';
import { HIGHLIGHT, NOTE, roots, type TrashRecord } from '#shared/model/layout.ts';
import { listMemos } from '#shared/model/memo-views.ts';
import { editMemo, memoText, startMemo } from '#shared/model/memos.ts';
import { addNote, addReply, editNote, editReply, noteText } from '#shared/model/notes.ts';
import { syncOrigin } from '#shared/model/origins.ts';
import { createProject } from '#shared/model/project.ts';
import { createTag, deleteTag, mergeTag, restoreTag, updateTag } from '#shared/model/tags.ts';
import type { Actor } from '#shared/model/write.ts';
import { seededRandom } from '#shared/sample/seeded-random.ts';

/** Deterministic PRNG (mulberry32); the shared one, under the name the fuzz tests use. */
export const prng = seededRandom;

/** Everything the operations did, for the accounting checks. */
export type Ledger = {
  highlights: Set<HighlightId>;
  tags: Set<TagId>;
  /** highlight → tag applications and removals ever made. */
  applied: Map<string, { highlight: HighlightId; tag: TagId }>;
  removed: Set<string>;
  names: Map<TagId, Set<string>>;
  deletedHighlights: Set<HighlightId>;
  restoredHighlights: Set<HighlightId>;
  notes: Map<NoteId, HighlightId>;
  replies: Map<ReplyId, NoteId>;
  /** Unique tokens inserted into note, reply or memo texts, with where they went (the record's id). */
  tokens: Map<string, string>;
  deletedTokens: Set<string>;
  operations: number;
};

/** One teammate. */
export type Member = { doc: Y.Doc; actor: Actor; online: boolean; id: MemberId };

/** The simulated team and network. */
export type Team = {
  members: Member[];
  /** queues[from][to]: updates from `from` not yet applied at `to`. */
  queues: Uint8Array[][][];
  ledger: Ledger;
  random: () => number;
};

/** Fails the run if an operation did not take effect on the acting member's own doc. */
function expectLocally(condition: boolean, what: string): void {
  if (!condition) throw new Error(`operation had no local effect: ${what}`);
}

const TOKEN = /\[[a-z0-9#]+\]/g;

function pick<T>(random: () => number, items: readonly T[]): T | undefined {
  return items.length === 0 ? undefined : items[Math.floor(random() * items.length)];
}

/** A team of `size` members; member 0 has created the project and everyone has synced it. */
export function createTeam(seed: number, size: number): Team {
  const random = prng(seed);
  const newId = () => idFromRandomBytes(Uint8Array.from({ length: 16 }, () => Math.floor(random() * 256)));
  let clock = 1_763_700_000_000;
  const members: Member[] = [];
  for (let i = 0; i < size; i++) {
    const doc = new Y.Doc();
    doc.clientID = seed * 16 + i + 1;
    const id = `member-${i}` as MemberId;
    members.push({ doc, id, online: true, actor: { member: id, newId, now: () => (clock += Math.floor(random() * 5000)) } });
  }
  const queues = members.map(() => members.map(() => [] as Uint8Array[]));
  members.forEach((member, from) => {
    member.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === syncOrigin) return; // relayed updates are not re-broadcast: every member sends its own
      members.forEach((_, to) => void (to !== from && queues[from]![to]!.push(update)));
    });
  });
  const ledger: Ledger = {
    highlights: new Set(),
    tags: new Set(),
    applied: new Map(),
    removed: new Set(),
    names: new Map(),
    deletedHighlights: new Set(),
    restoredHighlights: new Set(),
    notes: new Map(),
    replies: new Map(),
    tokens: new Map(),
    deletedTokens: new Set(),
    operations: 0,
  };
  const team: Team = { members, queues, ledger, random };
  const founder = members[0]!;
  createProject(founder.doc, founder.actor, { name: `Project ${seed}` });
  for (let i = 0; i < 3; i++) operations.createTag(team, founder);
  flush(team);
  return team;
}

function keysOf(map: Y.Map<any>): string[] {
  return [...map.keys()];
}

function notesOf(member: Member): { note: NoteId; replies: ReplyId[] }[] {
  const out: { note: NoteId; replies: ReplyId[] }[] = [];
  roots(member.doc).notes.forEach((map, id) => {
    out.push({ note: id as NoteId, replies: keysOf(map.get(NOTE.replies) as Y.Map<unknown>) as ReplyId[] });
  });
  return out;
}

/** Inserts a fresh token at a token boundary of `text` (so tokens never split) and records it. */
function insertToken(team: Team, member: Member, where: string, text: string, edit: (index: number, insert: string) => void): string {
  const boundaries = [0, ...[...text.matchAll(TOKEN)].map((m) => (m.index ?? 0) + m[0].length)];
  const token = `[${member.id.slice(-1)}#${team.ledger.tokens.size.toString(36)}]`;
  edit(pick(team.random, boundaries) ?? 0, token);
  team.ledger.tokens.set(token, where);
  return token;
}

/** The random operations, each reading only the acting member's own doc. */
export const operations = {
  createTag(team: Team, m: Member): void {
    const name = `tag-${team.ledger.tags.size}`;
    const parentId = team.random() < 0.3 ? pick(team.random, keysOf(roots(m.doc).tags) as TagId[]) : undefined;
    const id = createTag(m.doc, m.actor, { name, colour: `#${Math.floor(team.random() * 0xffffff).toString(16).padStart(6, '0')}`, parentId: parentId ?? null });
    team.ledger.tags.add(id);
    team.ledger.names.set(id, new Set([name]));
  },
  highlight(team: Team, m: Member): void {
    const start = Math.floor(team.random() * 5000);
    const tag = team.random() < 0.5 ? pick(team.random, keysOf(roots(m.doc).tags) as TagId[]) : undefined;
    const id = addHighlight(m.doc, m.actor, {
      documentId: `doc-${Math.floor(team.random() * 3)}`,
      documentHash: 'sha256:0123456789abcdef',
      position: { start, end: start + 10 },
      quote: { exact: `quote ${start}`, prefix: 'p', suffix: 's' },
      tags: tag ? [tag] : [],
    });
    team.ledger.highlights.add(id);
    if (tag) team.ledger.applied.set(`${id}|${tag}`, { highlight: id, tag });
  },
  applyTag(team: Team, m: Member): void {
    const highlight = pick(team.random, keysOf(roots(m.doc).highlights) as HighlightId[]);
    const tag = pick(team.random, keysOf(roots(m.doc).tags) as TagId[]);
    if (!highlight || !tag) return;
    applyTag(m.doc, m.actor, highlight, tag);
    expectLocally((roots(m.doc).highlights.get(highlight)!.get(tag) as number) > 0, `apply ${tag} to ${highlight}`);
    team.ledger.applied.set(`${highlight}|${tag}`, { highlight, tag });
  },
  removeTag(team: Team, m: Member): void {
    const highlight = pick(team.random, keysOf(roots(m.doc).highlights) as HighlightId[]);
    if (!highlight) return;
    const tag = pick(team.random, keysOf(roots(m.doc).highlights.get(highlight)!).filter((k) => k.length > 2) as TagId[]);
    if (!tag) return;
    if (removeTag(m.doc, m.actor, highlight, tag)) team.ledger.removed.add(`${highlight}|${tag}`);
    expectLocally((roots(m.doc).highlights.get(highlight)!.get(tag) as number) < 0, `remove ${tag} from ${highlight}`);
  },
  renameTag(team: Team, m: Member): void {
    const tag = pick(team.random, keysOf(roots(m.doc).tags) as TagId[]);
    if (!tag) return;
    const name = `renamed-${team.ledger.operations}`;
    updateTag(m.doc, m.actor, tag, { name });
    expectLocally(roots(m.doc).tags.get(tag)!.get('n') === name, `rename ${tag}`);
    team.ledger.names.get(tag)!.add(name);
  },
  reparentTag(team: Team, m: Member): void {
    const tags = keysOf(roots(m.doc).tags) as TagId[];
    const tag = pick(team.random, tags);
    const parent = pick(team.random, tags);
    if (!tag || !parent || tag === parent) return;
    updateTag(m.doc, m.actor, tag, { parentId: team.random() < 0.2 ? null : parent });
  },
  mergeTag(team: Team, m: Member): void {
    const tags = keysOf(roots(m.doc).tags) as TagId[];
    const from = pick(team.random, tags);
    const into = pick(team.random, tags);
    if (!from || !into || from === into) return;
    mergeTag(m.doc, m.actor, from, into);
  },
  trashTag(team: Team, m: Member): void {
    const tag = pick(team.random, keysOf(roots(m.doc).tags) as TagId[]);
    if (!tag) return;
    if (team.random() < 0.5) deleteTag(m.doc, m.actor, tag);
    else restoreTag(m.doc, m.actor, tag);
  },
  deleteHighlight(team: Team, m: Member): void {
    const highlight = pick(team.random, keysOf(roots(m.doc).highlights) as HighlightId[]);
    if (!highlight) return;
    deleteHighlight(m.doc, m.actor, highlight);
    expectLocally((roots(m.doc).highlights.get(highlight)!.get(HIGHLIGHT.trash) as TrashRecord).d === 1, `trash ${highlight}`);
    team.ledger.deletedHighlights.add(highlight);
  },
  restoreHighlight(team: Team, m: Member): void {
    const trashed: HighlightId[] = [];
    roots(m.doc).highlights.forEach((map, id) => {
      if ((map.get(HIGHLIGHT.trash) as TrashRecord | undefined)?.d === 1) trashed.push(id as HighlightId);
    });
    const highlight = pick(team.random, trashed);
    if (!highlight) return;
    restoreHighlight(m.doc, m.actor, highlight);
    expectLocally((roots(m.doc).highlights.get(highlight)!.get(HIGHLIGHT.trash) as TrashRecord).d === 0, `restore ${highlight}`);
    team.ledger.restoredHighlights.add(highlight);
  },
  addNote(team: Team, m: Member): void {
    const highlight = pick(team.random, keysOf(roots(m.doc).highlights) as HighlightId[]);
    if (!highlight) return;
    const note = addNote(m.doc, m.actor, highlight);
    team.ledger.notes.set(note, highlight);
    insertToken(team, m, note, '', (index, insert) => editNote(m.doc, m.actor, note, index, 0, insert));
  },
  editNote(team: Team, m: Member): void {
    const target = pick(team.random, notesOf(m));
    if (!target) return;
    const text = noteText(m.doc, target.note).toString();
    const tokens = [...text.matchAll(TOKEN)];
    const victim = team.random() < 0.25 ? pick(team.random, tokens) : undefined;
    if (victim) {
      editNote(m.doc, m.actor, target.note, victim.index ?? 0, victim[0].length, '');
      team.ledger.deletedTokens.add(victim[0]);
      expectLocally(!noteText(m.doc, target.note).toString().includes(victim[0]), `delete ${victim[0]}`);
    } else {
      const token = insertToken(team, m, target.note, text, (index, insert) => editNote(m.doc, m.actor, target.note, index, 0, insert));
      expectLocally(noteText(m.doc, target.note).toString().includes(token), `insert ${token}`);
    }
  },
  reply(team: Team, m: Member): void {
    const target = pick(team.random, notesOf(m));
    if (!target) return;
    const existing = team.random() < 0.5 ? pick(team.random, target.replies) : undefined;
    if (existing) {
      const map = (roots(m.doc).notes.get(target.note)!.get(NOTE.replies) as Y.Map<Y.Map<unknown>>).get(existing)!;
      const text = (map.get(NOTE.text) as Y.Text).toString();
      insertToken(team, m, existing, text, (index, insert) => editReply(m.doc, m.actor, target.note, existing, index, 0, insert));
    } else {
      const token = `[${m.id.slice(-1)}#${team.ledger.tokens.size.toString(36)}]`;
      const reply = addReply(m.doc, m.actor, target.note, token);
      team.ledger.tokens.set(token, reply);
      team.ledger.replies.set(reply, target.note);
    }
  },
  memo(team: Team, m: Member): void {
    const tag = pick(team.random, keysOf(roots(m.doc).tags) as TagId[]);
    const subject = pick(team.random, ['project', 'd:doc-0', ...(tag ? [`t:${tag}`] : [])])!;
    const record = team.random() < 0.2 ? undefined : listMemos(m.doc).find((memo) => memo.subject === subject)?.records[0];
    if (!record) {
      const token = `[${m.id.slice(-1)}#${team.ledger.tokens.size.toString(36)}]`;
      const memo = startMemo(m.doc, m.actor, subject, token);
      team.ledger.tokens.set(token, memo);
      return;
    }
    const text = memoText(m.doc, record.id).toString();
    const victim = team.random() < 0.25 ? pick(team.random, [...text.matchAll(TOKEN)]) : undefined;
    if (victim) {
      editMemo(m.doc, m.actor, record.id, victim.index ?? 0, victim[0].length, '');
      team.ledger.deletedTokens.add(victim[0]);
      expectLocally(!memoText(m.doc, record.id).toString().includes(victim[0]), `delete ${victim[0]}`);
    } else {
      const token = insertToken(team, m, record.id, text, (index, insert) => editMemo(m.doc, m.actor, record.id, index, 0, insert));
      expectLocally(memoText(m.doc, record.id).toString().includes(token), `insert ${token}`);
    }
  },
} satisfies Record<string, (team: Team, member: Member) => void>;

const WEIGHTED: (keyof typeof operations)[] = [
  ...Array<'highlight'>(6).fill('highlight'),
  ...Array<'applyTag'>(6).fill('applyTag'),
  ...Array<'removeTag'>(3).fill('removeTag'),
  ...Array<'editNote'>(4).fill('editNote'),
  'addNote',
  'addNote',
  'reply',
  'reply',
  'createTag',
  'renameTag',
  'renameTag',
  'reparentTag',
  'mergeTag',
  'trashTag',
  'deleteHighlight',
  'deleteHighlight',
  'restoreHighlight',
  'memo',
  'memo',
];

/** Delivers one random queued update between online members; false if nothing is deliverable. */
export function deliverOne(team: Team): boolean {
  const links: [number, number][] = [];
  team.queues.forEach((row, from) =>
    row.forEach((queue, to) => {
      if (queue.length > 0 && team.members[from]!.online && team.members[to]!.online) links.push([from, to]);
    }),
  );
  const link = pick(team.random, links);
  if (!link) return false;
  const queue = team.queues[link[0]]![link[1]]!;
  const [update] = queue.splice(Math.floor(team.random() * queue.length), 1);
  Y.applyUpdate(team.members[link[1]]!.doc, update!, syncOrigin);
  return true;
}

/** Brings everyone online and delivers everything, in random order. */
export function flush(team: Team): void {
  for (const member of team.members) member.online = true;
  while (deliverOne(team)) {
    /* deliver until the queues are empty */
  }
}

/** Runs `steps` random steps: operations, deliveries and members going offline or online. */
export function run(team: Team, steps: number): void {
  for (let step = 0; step < steps; step++) {
    const roll = team.random();
    if (roll < 0.55) {
      const member = pick(team.random, team.members)!;
      const name = pick(team.random, WEIGHTED)!;
      operations[name](team, member);
      team.ledger.operations++;
    } else if (roll < 0.9) {
      deliverOne(team);
    } else {
      const member = pick(team.random, team.members)!;
      member.online = !member.online;
    }
  }
  flush(team);
}
