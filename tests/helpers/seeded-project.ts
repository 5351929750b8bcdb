/**
 * The fixed project the export tests and goldens use: the five bundled articles plus one
 * test article full of hard text (Turkish İ/ı, Azerbaijani ə, emoji 🧭 and 𝒜 outside the
 * BMP, tabs, quotes, commas, line breaks), three members, a codebook with a hierarchy,
 * highlights with tags applied by different people, notes with replies, one trashed and one
 * unanchored highlight. Built only through the model's write functions with fixed ids and
 * clocks; each member writes from their own Y.Doc (fixed Yjs client ids), as on real
 * machines, so "who applied a tag" is resolved the way the app resolves it.
 */
import * as Y from 'yjs';
import { describe as describeSpan } from '#shared/anchoring/describe.ts';
import { loadArticle, type Article } from '#shared/documents/article.ts';
import { addHighlight, applyTag, deleteHighlight } from '#shared/model/highlights.ts';
import { idFromRandomBytes, type HighlightId, type MemberId, type NoteId, type ProjectId, type ReplyId, type TagId } from '#shared/model/ids.ts';
import { addNote, addReply } from '#shared/model/notes.ts';
import { createProject, setMember } from '#shared/model/project.ts';
import { createTag } from '#shared/model/tags.ts';
import type { Actor } from '#shared/model/write.ts';
import { defaultDocumentsDir, readBundledDocuments } from '../../electron/services/documents-fs.ts';

/** A deterministic compact id: 16 bytes from `n` (a fixed fixture id). */
export function fixedId<T extends string>(n: number): T {
  const bytes = new Uint8Array(16);
  for (let i = 0; i < 16; i++) bytes[i] = (n * 37 + i * 11) & 0xff;
  bytes[0] = n & 0xff;
  bytes[1] = (n >> 8) & 0xff;
  return idFromRandomBytes(bytes) as T;
}

/** The test article's Markdown (front matter like the bundled ones). */
export const HARD_ARTICLE_SOURCE = [
  '---',
  'id: hard-text-sample',
  'title: "Hard text: İstanbul, ılık, Azərbaycan & \\"quotes\\""',
  'title_supplied: false',
  'author: "=cmd|\' /C calc\'!A0"',
  'publisher: "Test *Press* [Baku]"',
  'source_file: unknown',
  '---',
  '',
  '# Compass 🧭 and script 𝒜',
  '',
  'The İzmir delegation met ılık weather; Azərbaycan signed. Then 🧭 pointed north, and 𝒜 marked the "clause", with commas.',
  '',
  '## Formulae',
  '',
  '=SUM(A1:A2) looked like a formula, +1 too, -2 also, @home as well.',
  '',
].join('\n');

/** Everything a test needs about the seeded project. */
export type SeededProject = {
  readonly doc: Y.Doc;
  readonly articles: Article[];
  readonly members: { readonly ana: MemberId; readonly bora: MemberId; readonly cem: MemberId };
  readonly tags: Record<'security' | 'military' | 'energy' | 'economy' | 'trade' | 'formula', TagId>;
  readonly exportedAt: string;
};

const T0 = Date.UTC(2026, 2, 1, 9, 0, 0);

/** Loads the five bundled articles (manifest order) and the hard-text article. */
export async function loadFixtureArticles(): Promise<Article[]> {
  const results = await readBundledDocuments(defaultDocumentsDir());
  const articles = results.map((result) => {
    if (!result.ok) throw new Error(`${result.id}: ${result.error}`);
    return result.article;
  });
  return [...articles, loadArticle(HARD_ARTICLE_SOURCE, 'hard-text-sample.md')];
}

/** Builds the seeded project. */
export async function buildSeededProject(): Promise<SeededProject> {
  const articles = await loadFixtureArticles();
  const byId = new Map(articles.map((article) => [article.meta.id as string, article]));
  const doc = new Y.Doc();
  doc.clientID = 1;
  const members = { ana: fixedId<MemberId>(1), bora: fixedId<MemberId>(2), cem: fixedId<MemberId>(3) };
  const replicas = new Map<MemberId, Y.Doc>();
  let clock = T0;
  let nextId = 1000;
  const actorOf = (member: MemberId): Actor => ({ member, now: () => (clock += 61_000), newId: () => fixedId(nextId++) });
  /** Runs `fn` on `member`'s replica (own Yjs client), then syncs everything into `doc`. */
  const as = <T>(member: MemberId, fn: (replica: Y.Doc, actor: Actor) => T): T => {
    let replica = replicas.get(member);
    if (!replica) {
      replica = new Y.Doc();
      replica.clientID = 100 + replicas.size;
      replicas.set(member, replica);
    }
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(replica)));
    const result = fn(replica, actorOf(member));
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(replica, Y.encodeStateVector(doc)));
    return result;
  };

  as(members.ana, (d, a) => createProject(d, a, { name: 'South Caucasus | coding *pilot*', id: fixedId<ProjectId>(9) }));
  as(members.ana, (d, a) => setMember(d, a, { name: 'Ana Əliyeva', colour: '#e91e63' }));
  as(members.bora, (d, a) => setMember(d, a, { name: 'Bora "B" İnce', colour: '#3f51b5' }));
  as(members.cem, (d, a) => setMember(d, a, { name: '@Cem, Jr.', colour: '#009688' }));

  const tag = (member: MemberId, n: number, name: string, colour: string, parentId: TagId | null, description = '') =>
    as(member, (d, a) => createTag(d, a, { id: fixedId<TagId>(n), name, colour, parentId, description }));
  const security = tag(members.ana, 10, 'Security', '#d32f2f', null, 'Threats, alliances & <defence>');
  const military = tag(members.ana, 11, 'Military', '#b71c1c', security);
  const energy = tag(members.bora, 12, 'Energy', '#f9a825', null);
  const economy = tag(members.bora, 13, 'Economy', '#388e3c', null);
  const trade = tag(members.cem, 14, 'Trade', '#1b5e20', economy, 'Corridors, "Middle Corridor"');
  const formula = tag(members.cem, 15, '=Formula?', '#abc', null);

  let highlightNumber = 100;
  const highlight = (member: MemberId, documentId: string, phrase: string, occurrence = 0, tags: TagId[] = []): HighlightId => {
    const article = byId.get(documentId);
    if (!article) throw new Error(`no article ${documentId}`);
    let start = -1;
    for (let i = 0; i <= occurrence; i++) start = article.text.indexOf(phrase, start + 1);
    if (start < 0) throw new Error(`"${phrase}" not in ${documentId}`);
    const selectors = describeSpan(article.text, { start, end: start + phrase.length });
    return as(member, (d, a) =>
      addHighlight(d, a, {
        id: fixedId<HighlightId>(highlightNumber++),
        documentId,
        documentHash: article.hash,
        position: selectors.position,
        quote: selectors.quote,
        tags,
      }),
    );
  };
  const note = (member: MemberId, h: HighlightId, n: number, text: string) => as(member, (d, a) => addNote(d, a, h, text, fixedId<NoteId>(n)));
  const reply = (member: MemberId, noteId: NoteId, n: number, text: string) => as(member, (d, a) => addReply(d, a, noteId, text, fixedId<ReplyId>(n)));
  const apply = (member: MemberId, h: HighlightId, t: TagId) => as(member, (d, a) => applyTag(d, a, h, t));

  const h1 = highlight(members.ana, 'azerbaijan-us-russia-dynamics', 'the Russia-Ukraine war, changing energy security priorities', 0, [security]);
  apply(members.bora, h1, energy);
  const n1 = note(members.ana, h1, 200, 'Key framing: war + energy.\nSecond line, with "quotes", commas; and a tab\there.');
  reply(members.bora, n1, 300, 'Agree — see also 🧭 section.');
  reply(members.cem, n1, 301, '=HYPERLINK("http://evil") should stay text');

  const h2 = highlight(members.bora, 'azerbaijan-strategic-pragmatism', 'economic and military ties with Russia', 0, [military, economy]);
  apply(members.cem, h2, trade);
  highlight(members.cem, 'russia-azerbaijan-disputes', 'energy security', 0, [energy]);
  const h4 = highlight(members.ana, 'azerbaijan-brics-and-the-west', 'energy security', 0);
  note(members.cem, h4, 201, 'Untagged but noted: İ ı ə 𝒜.');
  highlight(members.bora, 'azerbaijan-back-to-normalcy', 'Azerbaijan', 2, [security]);

  // Hard text document.
  const h6 = highlight(members.ana, 'hard-text-sample', 'Then 🧭 pointed north, and 𝒜 marked the "clause", with commas.', 0, [military]);
  note(members.bora, h6, 202, '*Bold?* # not a heading\n- not a list\n> not a quote\n[link](x) & <b>html</b>');
  highlight(members.cem, 'hard-text-sample', '=SUM(A1:A2) looked like a formula', 0, [formula]);
  highlight(members.cem, 'hard-text-sample', 'İzmir delegation met ılık weather; Azərbaycan', 0, [trade]);

  // A trashed highlight (excluded) and an unanchored one (quote no longer in the text).
  const trashed = highlight(members.ana, 'azerbaijan-us-russia-dynamics', 'Baku', 0, [security]);
  as(members.ana, (d, a) => deleteHighlight(d, a, trashed));
  as(members.bora, (d, a) =>
    addHighlight(d, a, {
      id: fixedId<HighlightId>(199),
      documentId: 'azerbaijan-strategic-pragmatism',
      documentHash: 'sha256:0000000000000000000000000000000000000000000000000000000000000000',
      position: { start: 10, end: 52 },
      quote: { exact: 'a sentence that an older edition contained', prefix: 'once upon ', suffix: ' and no more' },
      tags: [economy],
    }),
  );

  return { doc, articles, members, tags: { security, military, energy, economy, trade, formula }, exportedAt: '2026-03-02T12:00:00.000Z' };
}
