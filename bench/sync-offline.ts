/**
 * 5 clients × 2,000 offline edits → reconnect → all converged (docs/architecture.md §8: ≤ 3 s,
 * nothing lost).
 *
 * Five Node "apps" (the app's own `startTeamSync`, one socket scope each, `ws` as the
 * WebSocket) share a project on an in-process server. After a common baseline (a small
 * codebook, synced), each goes offline (its sync destroyed; the doc stays), makes 2,000
 * edits with the model's functions — new highlights, tag applications, notes, note
 * keystrokes, tag renames — and records what each edit must leave behind. Then all five
 * reconnect at once (a new team sync on the same doc, as a restarted app would) and the
 * clock runs until every replica has the same canonical snapshot and holds every
 * recorded effect. Three runs, each on a fresh server.
 */
import WebSocket from 'ws';
import * as Y from 'yjs';
import { addHighlight, applyTag } from '#shared/model/highlights.ts';
import type { HighlightId, MemberId, TagId } from '#shared/model/ids.ts';
import { addNote, editNote, noteText } from '#shared/model/notes.ts';
import { NOTE, roots } from '#shared/model/layout.ts';
import { createTag, updateTag } from '#shared/model/tags.ts';
import { canonicalSnapshotJson } from '../renderer/sync/canonical-snapshot.ts';
import { startTeamSync, type TeamSync } from '../renderer/sync/team-sync.ts';
import { startInProcessServer, waitUntil } from '../tests/helpers/sync-server.ts';
import { seededRandom } from '#shared/sample/seeded-random.ts';
import type { Metric } from './harness.ts';

const CLIENTS = 5;
const EDITS = 2_000;
const RUNS = 3;
const TIMING = { delay: 50, factor: 1.5, minDelay: 20, maxDelay: 300 };

interface Client {
  readonly name: string;
  readonly doc: Y.Doc;
  readonly member: MemberId;
  sync: TeamSync | null;
}

interface Ledger {
  readonly highlights: Set<HighlightId>;
  readonly applications: Array<[HighlightId, TagId]>;
  readonly noteMarks: string[];
}

function connect(client: Client, url: string, projectId: string, token: string): TeamSync {
  return startTeamSync({
    credentials: { serverUrl: url, projectId: projectId as never, token },
    target: { projectId: projectId as never, doc: client.doc, whenLoaded: Promise.resolve() },
    member: { id: client.member, name: client.name, colour: '#30638e' },
    WebSocketPolyfill: WebSocket,
    timing: TIMING,
    socketScope: client.name,
  });
}

function offlineEdits(client: Client, tags: TagId[], seed: number, ledger: Ledger): void {
  const random = seededRandom(seed);
  const actor = { member: client.member };
  const mine: HighlightId[] = [];
  const notes: Array<ReturnType<typeof addNote>> = [];
  for (let index = 0; index < EDITS; index++) {
    const roll = random();
    if (roll < 0.35 || mine.length === 0) {
      const start = Math.floor(random() * 18_000);
      const id = addHighlight(client.doc, actor, {
        documentId: 'bench-document',
        documentHash: 'sha256:0000000000000000',
        position: { start, end: start + 12 },
        quote: { exact: `${client.name}-${index}`, prefix: '', suffix: '' },
      });
      mine.push(id);
      ledger.highlights.add(id);
    } else if (roll < 0.65) {
      const highlight = mine[Math.floor(random() * mine.length)] as HighlightId;
      const tag = tags[Math.floor(random() * tags.length)] as TagId;
      applyTag(client.doc, actor, highlight, tag);
      ledger.applications.push([highlight, tag]);
    } else if (roll < 0.8 || notes.length === 0) {
      const mark = `[${client.name}:${index}]`;
      notes.push(addNote(client.doc, actor, mine[Math.floor(random() * mine.length)] as HighlightId, mark));
      ledger.noteMarks.push(mark);
    } else if (roll < 0.98) {
      const note = notes[Math.floor(random() * notes.length)] as ReturnType<typeof addNote>;
      const mark = `<${client.name}:${index}>`;
      editNote(client.doc, actor, note, noteText(client.doc, note).length, 0, mark);
      ledger.noteMarks.push(mark);
    } else {
      updateTag(client.doc, actor, tags[Math.floor(random() * tags.length)] as TagId, { name: `tag by ${client.name} #${index}` });
    }
  }
}

function holdsEverything(doc: Y.Doc, ledger: Ledger): boolean {
  const highlights = roots(doc).highlights;
  for (const id of ledger.highlights) if (!highlights.has(id)) return false;
  for (const [highlight, tag] of ledger.applications) {
    if (highlights.get(highlight)?.get(tag) === undefined) return false;
  }
  let allNotes = '';
  roots(doc).notes.forEach((note) => {
    const text = note.get(NOTE.text);
    if (text instanceof Y.Text) allNotes += text.toString();
  });
  return ledger.noteMarks.every((mark) => allNotes.includes(mark));
}

async function oneRun(run: number): Promise<{ ms: number; updateBytes: number }> {
  const server = await startInProcessServer();
  const invite = server.createProject(`offline bench ${run}`);
  const clients: Client[] = Array.from({ length: CLIENTS }, (_, index) => ({
    name: `c${index}`,
    doc: new Y.Doc(),
    member: `member-${index}` as MemberId,
    sync: null,
  }));
  try {
    for (const client of clients) client.sync = connect(client, server.url, invite.projectId, invite.token);
    const first = clients[0] as Client;
    const tags = Array.from({ length: 8 }, (_, index) => createTag(first.doc, { member: first.member }, { name: `Tag ${index}` }));
    const baseline = canonicalSnapshotJson(first.doc);
    await waitUntil(() => clients.every((client) => client.sync?.status().phase === 'synced' && canonicalSnapshotJson(client.doc) === baseline), 'baseline everywhere', 20_000);

    for (const client of clients) {
      client.sync?.destroy();
      client.sync = null;
    }
    const ledger: Ledger = { highlights: new Set(), applications: [], noteMarks: [] };
    clients.forEach((client, index) => offlineEdits(client, tags, run * 100 + index + 1, ledger));
    const updateBytes = clients.reduce((sum, client) => sum + Y.encodeStateAsUpdate(client.doc).byteLength, 0);

    const started = performance.now();
    for (const client of clients) client.sync = connect(client, server.url, invite.projectId, invite.token);
    await waitUntil(
      () => {
        if (!clients.every((client) => client.sync?.status().phase === 'synced')) return false;
        const reference = canonicalSnapshotJson(first.doc);
        return clients.every((client) => canonicalSnapshotJson(client.doc) === reference);
      },
      'all replicas converged',
      60_000,
    );
    const ms = performance.now() - started;
    const lost = clients.filter((client) => !holdsEverything(client.doc, ledger)).map((client) => client.name);
    if (lost.length > 0) throw new Error(`offline edits lost on ${lost.join(', ')}`);
    return { ms, updateBytes };
  } finally {
    for (const client of clients) client.sync?.destroy();
    await server.dispose();
  }
}

/** Runs the offline-convergence benchmark. */
export async function measureOfflineConvergence(): Promise<Metric[]> {
  const samples: number[] = [];
  let bytes = 0;
  for (let run = 0; run < RUNS; run++) {
    const result = await oneRun(run);
    samples.push(result.ms);
    bytes = result.updateBytes;
  }
  return [
    {
      name: `${CLIENTS} clients × ${EDITS.toLocaleString('en')} offline edits → converged`,
      unit: 'ms',
      samples,
      budget: { statistic: 'median', max: 3000, text: '≤ 3 s, nothing lost' },
      note: `nothing lost: every highlight, tag application and note keystroke of every client present on all ${CLIENTS} replicas; total doc state ${Math.round(bytes / 1024)} KiB`,
    },
  ];
}
