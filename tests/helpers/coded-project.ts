/**
 * A project whose coders coded known spans, for the agreement tests: each person writes
 * from their own Y.Doc (own Yjs client, as on their own machine), so "who applied a code"
 * is read the way the app reads it; the result is merged into one doc, as sync or a merged
 * project file would leave it.
 */
import * as Y from 'yjs';
import { describe as describeSpan } from '#shared/anchoring/describe.ts';
import type { Article } from '#shared/documents/article.ts';
import { addHighlight, applyTag } from '#shared/model/highlights.ts';
import type { HighlightId, MemberId, ProjectId, TagId } from '#shared/model/ids.ts';
import { createProject, setMember } from '#shared/model/project.ts';
import { createTag } from '#shared/model/tags.ts';
import type { Actor } from '#shared/model/write.ts';
import { fixedId } from './seeded-project.ts';

/** One coding: `by` applies the code named `code` to [start, end) (UTF-16) of `document`, on a new highlight or on `onto`. */
export type KnownCoding = {
  readonly by: string;
  readonly document: string;
  readonly start: number;
  readonly end: number;
  readonly code: string;
  /** Apply to the highlight made by an earlier coding (its index) instead of making one. */
  readonly onto?: number;
};

/** The project and the ids it was given. */
export type CodedProject = {
  readonly doc: Y.Doc;
  readonly members: ReadonlyMap<string, MemberId>;
  readonly codes: ReadonlyMap<string, TagId>;
};

/** Builds a project "Agreement pilot" where `people` (by name) made `codings` on `articles`. */
export function buildCodedProject(articles: readonly Article[], people: readonly string[], codeNames: readonly string[], codings: readonly KnownCoding[]): CodedProject {
  const doc = new Y.Doc();
  let clock = Date.UTC(2026, 5, 1, 9, 0, 0);
  let nextId = 5000;
  const members = new Map(people.map((name, i) => [name, fixedId<MemberId>(400 + i)]));
  const replicas = new Map<string, Y.Doc>();
  const as = <T>(name: string, fn: (replica: Y.Doc, actor: Actor) => T): T => {
    const member = members.get(name);
    if (member === undefined) throw new Error(`unknown person ${name}`);
    let replica = replicas.get(name);
    if (!replica) {
      replica = new Y.Doc();
      replica.clientID = 700 + replicas.size;
      replicas.set(name, replica);
    }
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(replica)));
    const result = fn(replica, { member, now: () => (clock += 1000), newId: () => fixedId(nextId++) });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(replica, Y.encodeStateVector(doc)));
    return result;
  };
  const [first] = people;
  if (first === undefined) throw new Error('no people');
  as(first, (d, a) => createProject(d, a, { name: 'Agreement pilot', id: fixedId<ProjectId>(77) }));
  people.forEach((name, i) => as(name, (d, a) => setMember(d, a, { name, colour: ['#d1495b', '#00798c', '#edae49', '#66a182'][i % 4] as string })));
  const codes = new Map(codeNames.map((name) => [name, as(first, (d, a) => createTag(d, a, { name }))]));
  const byId = new Map(articles.map((article) => [article.meta.id as string, article]));
  const made: HighlightId[] = [];
  for (const coding of codings) {
    const code = codes.get(coding.code);
    if (code === undefined) throw new Error(`unknown code ${coding.code}`);
    if (coding.onto !== undefined) {
      const target = made[coding.onto];
      if (target === undefined) throw new Error(`no coding ${coding.onto} to code onto`);
      as(coding.by, (d, a) => applyTag(d, a, target, code));
      made.push(target);
      continue;
    }
    const article = byId.get(coding.document);
    if (!article) throw new Error(`no article ${coding.document}`);
    const selectors = describeSpan(article.text, { start: coding.start, end: coding.end });
    made.push(
      as(coding.by, (d, a) =>
        addHighlight(d, a, { documentId: coding.document, documentHash: article.hash, position: selectors.position, quote: selectors.quote, tags: [code] }),
      ),
    );
  }
  return { doc, members, codes };
}
