/**
 * A seeded synthetic project over the bundled articles — the docs/architecture.md §8 reference
 * workload: by default 10,000 highlights (≈2,000 per article, overlapping as dense coding
 * does), 40 tags in a two-level hierarchy, 2,500 notes with replies, 5 people.
 *
 * Built the way a real team builds it: each person writes in their own Y.Doc (their own
 * Yjs client, so "who applied this tag" resolves to them), docs are merged like a sync
 * would, then a second round adds replies to teammates' notes. Every write goes through
 * the model's own operations with seeded ids and clocks, so the same seed gives the same
 * project, byte for byte. Environment-free (the caller reads the articles and writes the
 * file): used by the `marginalia sample` command, tests and benches.
 */
import * as Y from 'yjs';
import { describe } from '#shared/anchoring/describe.ts';
import { addHighlight } from '#shared/model/highlights.ts';
import { idFromRandomBytes, type HighlightId, type MemberId, type NoteId, type TagId } from '#shared/model/ids.ts';
import { addNote, addReply } from '#shared/model/notes.ts';
import { createProject, setMember } from '#shared/model/project.ts';
import { createTag } from '#shared/model/tags.ts';
import type { Actor } from '#shared/model/write.ts';
import { seededRandom } from './seeded-random.ts';

/** The part of an article the generator needs. */
export interface SampleArticle {
  readonly id: string;
  readonly text: string;
  readonly hash: string;
}

/** Generator options (all optional; defaults are the reference workload). */
export interface SampleOptions {
  readonly highlights?: number;
  readonly seed?: number;
  readonly tags?: number;
  readonly notes?: number;
  readonly people?: number;
  /**
   * Yjs client id of the first person (the others follow): fixed so a seed gives the same
   * bytes. Two projects generated apart need different bases, as real installs have
   * different random clients, to be merged with each other.
   */
  readonly clientIdBase?: number;
}

/** What was generated, for reports. */
export interface SampleSummary {
  readonly highlights: number;
  readonly tags: number;
  readonly notes: number;
  readonly replies: number;
  readonly people: number;
}

const NAMES = ['Aysel', 'Tomas', 'Leyla', 'Giorgi', 'Mariam', 'Anar', 'Nino', 'Rashad'];
const COLOURS = ['#d1495b', '#edae49', '#00798c', '#30638e', '#6a4c93', '#2a9d8f', '#e76f51', '#4f772d'];
const TAG_WORDS = ['Energy', 'Security', 'Transit', 'Sanctions', 'Diplomacy', 'Military', 'Trade', 'Identity', 'Media', 'Diaspora'];
const ASPECTS = ['framing', 'actors', 'risks', 'claims', 'evidence'];
const NOTE_WORDS = ['compare', 'with', 'the', 'earlier', 'claim', 'about', 'Baku', 'Moscow', 'transit', 'corridor', 'source', 'needed', 'strong', 'framing', 'see', 'also'];

/** Builds the sample project into a fresh Y.Doc and returns it with a summary. */
export function generateSampleProject(articles: readonly SampleArticle[], options: SampleOptions = {}): { doc: Y.Doc; summary: SampleSummary } {
  if (articles.length === 0) throw new Error('the sample needs at least one article');
  const random = seededRandom(options.seed ?? 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const newId = (): string => idFromRandomBytes(Uint8Array.from({ length: 16 }, () => Math.floor(random() * 256)));
  let clock = Date.UTC(2026, 0, 5, 9, 0, 0);
  const now = (): number => (clock += 1000 + Math.floor(random() * 60_000));

  const peopleCount = options.people ?? 5;
  const people = Array.from({ length: peopleCount }, (_, index) => {
    const doc = new Y.Doc();
    doc.clientID = (options.clientIdBase ?? 1000) + index; // deterministic Yjs clients: same seed, same bytes
    const actor: Actor = { member: newId() as MemberId, now, newId };
    return { doc, actor, name: NAMES[index % NAMES.length] as string, colour: COLOURS[index % COLOURS.length] as string };
  });
  const lead = people[0];
  if (!lead) throw new Error('the sample needs at least one person');
  const syncAll = (): void => {
    const merged = Y.mergeUpdates(people.map((person) => Y.encodeStateAsUpdate(person.doc)));
    for (const person of people) Y.applyUpdate(person.doc, merged, 'sync');
  };

  // Round 0: the lead creates the project and the codebook (roots with children); everyone joins.
  createProject(lead.doc, lead.actor, { name: 'Sample: South Caucasus coding' });
  const tagCount = options.tags ?? 40;
  const tags: TagId[] = [];
  const roots: TagId[] = [];
  for (let index = 0; index < tagCount; index += 1) {
    const isRoot = index < Math.min(TAG_WORDS.length, Math.ceil(tagCount / 4));
    const parentId = isRoot ? null : pick(roots);
    const name = isRoot ? (TAG_WORDS[index] as string) : `${pick(ASPECTS)} ${index}`;
    const id = createTag(lead.doc, lead.actor, { name, colour: pick(COLOURS), parentId, description: isRoot ? `Passages about ${name.toLowerCase()}.` : '' });
    tags.push(id);
    if (isRoot) roots.push(id);
  }
  for (const person of people) setMember(person.doc, person.actor, { name: person.name, colour: person.colour });
  syncAll();

  // Round 1: highlights (with 0–3 tags) and notes, spread over people and articles.
  const highlightCount = options.highlights ?? 10_000;
  const noteCount = Math.min(options.notes ?? Math.round(highlightCount / 4), highlightCount);
  const highlightIds: { id: HighlightId; owner: number }[] = [];
  for (let index = 0; index < highlightCount; index += 1) {
    const owner = index % people.length;
    const person = people[owner] as (typeof people)[number];
    const article = articles[index % articles.length] as SampleArticle;
    const length = 20 + Math.floor(random() ** 2 * 280);
    let start = Math.floor(random() * Math.max(1, article.text.length - length));
    while (start > 0 && /\S/.test(article.text[start - 1] as string)) start -= 1;
    let end = Math.min(article.text.length, start + length);
    while (end < article.text.length && /\S/.test(article.text[end] as string)) end += 1;
    const selectors = describe(article.text, { start, end });
    const applied = new Set<TagId>();
    const tagTotal = random() < 0.1 ? 0 : 1 + Math.floor(random() * random() * 3);
    while (applied.size < tagTotal) applied.add(pick(tags));
    const id = addHighlight(person.doc, person.actor, {
      documentId: article.id, documentHash: article.hash, position: selectors.position, quote: selectors.quote, tags: [...applied],
    });
    highlightIds.push({ id, owner });
  }
  const notes: { id: NoteId; owner: number }[] = [];
  for (let index = 0; index < noteCount; index += 1) {
    const target = highlightIds[Math.floor((index * highlightIds.length) / noteCount)] as { id: HighlightId; owner: number };
    const person = people[target.owner] as (typeof people)[number];
    const words = Array.from({ length: 4 + Math.floor(random() * 20) }, () => pick(NOTE_WORDS));
    notes.push({ id: addNote(person.doc, person.actor, target.id, `${words.join(' ')}.`), owner: target.owner });
  }
  syncAll();

  // Round 2: teammates reply to about half of the notes.
  let replies = 0;
  for (const note of notes) {
    if (random() >= 0.5 || people.length < 2) continue;
    const replier = people[(note.owner + 1 + Math.floor(random() * (people.length - 1))) % people.length] as (typeof people)[number];
    addReply(replier.doc, replier.actor, note.id, `${Array.from({ length: 3 + Math.floor(random() * 10) }, () => pick(NOTE_WORDS)).join(' ')}.`);
    replies += 1;
  }
  syncAll();

  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(lead.doc), 'sync');
  for (const person of people) person.doc.destroy();
  return { doc, summary: { highlights: highlightCount, tags: tagCount, notes: noteCount, replies, people: peopleCount } };
}
