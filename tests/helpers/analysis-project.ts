/**
 * The project the analysis tests open (end to end, and `marginalia cooccurrence`): two coders (Ana, Bora), each writing
 * from their own Yjs client, three codes and five highlights over two bundled articles,
 * with overlaps chosen so every table can be worked out by hand (setup only: the tests
 * then merge the file through the app's "Merge project file…" button and read the screen).
 *
 * In DISPUTES: h1 "geopolitical dynamics" (Security + Energy, Ana, with Ana's note and
 * Bora's reply); h2 from inside h1 to a few words past it (Energy, Bora); h3 "pivotal role"
 * (Security, Ana). In BRICS: h4 "power balance" (Security + Alliances, Bora); h5 overlapping
 * h4's end (Energy, Ana).
 *
 * By hand: n(Security) = 3, n(Energy) = 3, n(Alliances) = 1.
 * Security→Energy 2 (h1 carries it, h4 overlaps h5), Energy→Security 3 (h1 carries it, h2
 * overlaps h1, h5 overlaps h4); Security↔Alliances 1 (h4); Energy↔Alliances 1 (h5 and h4).
 * Codes × documents: Security 2 | 1, Energy 2 | 1, Alliances 0 | 1; coded highlights 3 | 2.
 */
import * as Y from 'yjs';
import { describe as describeSpan } from '#shared/anchoring/describe.ts';
import type { Article } from '#shared/documents/article.ts';
import { addHighlight, applyTag } from '#shared/model/highlights.ts';
import type { HighlightId, MemberId, TagId } from '#shared/model/ids.ts';
import { addNote, addReply } from '#shared/model/notes.ts';
import { encodeProjectFile } from '#shared/model/project-file.ts';
import { createProject, setMember } from '#shared/model/project.ts';
import { createTag } from '#shared/model/tags.ts';
import type { Actor } from '#shared/model/write.ts';
import { bundledArticles } from './bundled-documents.ts';

export const DISPUTES = 'russia-azerbaijan-disputes';
export const BRICS = 'azerbaijan-brics-and-the-west';
export const NOTE = 'Security framed through energy.';
export const REPLY = 'Agreed, and see the BRICS piece.';

/** The fixture: the file's bytes and what the tests read back. */
export interface AnalysisFixture {
  readonly bytes: Buffer;
  /** The project itself (its id names its sync room). */
  readonly doc: Y.Doc;
  readonly articles: readonly Article[];
  /** Quotes of the five highlights, by name. */
  readonly quotes: Readonly<Record<'h1' | 'h2' | 'h3' | 'h4' | 'h5', string>>;
}

/** Builds the project and encodes it as a `.marginalia` file. */
export function buildAnalysisFixture(): AnalysisFixture {
  const articles = bundledArticles();
  const article = (id: string) => articles.find((candidate) => candidate.meta.id === id) as Article;
  const doc = new Y.Doc();
  const replicas = new Map<string, Y.Doc>();
  // A minute between writes, so the order codes were applied in is never a tie.
  let clock = Date.UTC(2026, 10, 2, 9, 0, 0);
  const as = <T>(member: MemberId, fn: (replica: Y.Doc, actor: Actor) => T): T => {
    const replica = replicas.get(member) ?? new Y.Doc();
    replicas.set(member, replica);
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(replica)));
    const result = fn(replica, { member, now: () => (clock += 61_000) });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(replica, Y.encodeStateVector(doc)));
    return result;
  };
  const ana = 'AnaAnaAnaAnaAnaAnaAna0' as MemberId;
  const bora = 'BoraBoraBoraBoraBora00' as MemberId;
  as(ana, (d, a) => createProject(d, a, { name: 'Analysis fixture' }));
  as(ana, (d, a) => setMember(d, a, { name: 'Ana', colour: '#e91e63' }));
  as(bora, (d, a) => setMember(d, a, { name: 'Bora', colour: '#3f51b5' }));
  const security = as(ana, (d, a) => createTag(d, a, { name: 'Security', colour: '#d32f2f', parentId: null }));
  const energy = as(ana, (d, a) => createTag(d, a, { name: 'Energy', colour: '#f9a825', parentId: null }));
  const alliances = as(bora, (d, a) => createTag(d, a, { name: 'Alliances', colour: '#3f51b5', parentId: null }));

  const quotes: Record<string, string> = {};
  const highlight = (name: string, member: MemberId, documentId: string, start: number, end: number, tags: TagId[]): HighlightId => {
    const { text, hash } = article(documentId);
    quotes[name] = text.slice(start, end);
    const selectors = describeSpan(text, { start, end });
    return as(member, (d, a) => addHighlight(d, a, { documentId, documentHash: hash, position: selectors.position, quote: selectors.quote, tags }));
  };
  const at = (documentId: string, phrase: string) => {
    const start = article(documentId).text.indexOf(phrase);
    if (start < 0) throw new Error(`"${phrase}" is not in ${documentId}`);
    return { start, end: start + phrase.length };
  };

  const p1 = at(DISPUTES, 'geopolitical dynamics');
  const h1 = highlight('h1', ana, DISPUTES, p1.start, p1.end, [security]);
  as(ana, (d, a) => applyTag(d, a, h1, energy));
  highlight('h2', bora, DISPUTES, p1.start + 'geopolitical '.length, p1.end + 12, [energy]);
  const p3 = at(DISPUTES, 'pivotal role');
  highlight('h3', ana, DISPUTES, p3.start, p3.end, [security]);
  const p4 = at(BRICS, 'power balance');
  const h4 = highlight('h4', bora, BRICS, p4.start, p4.end, [security]);
  as(bora, (d, a) => applyTag(d, a, h4, alliances));
  highlight('h5', ana, BRICS, p4.start + 'power '.length, p4.end + 8, [energy]);
  const note = as(ana, (d, a) => addNote(d, a, h1, NOTE));
  as(bora, (d, a) => addReply(d, a, note, REPLY));

  return { bytes: Buffer.from(encodeProjectFile(doc)), doc, articles, quotes: quotes as AnalysisFixture['quotes'] };
}
