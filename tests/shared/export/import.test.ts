import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { importCodebook } from '#shared/export/codebook-import.ts';
import type { Excerpt } from '#shared/export/excerpt.ts';
import { buildExportContext, queryExcerpts } from '#shared/export/excerpts.ts';
import { codebookToQdc } from '#shared/export/refi-qda.ts';
import { excerptsToWebAnnotationJson } from '#shared/export/web-annotation.ts';
import { importWebAnnotations } from '#shared/export/web-annotation-import.ts';
import type { MemberId, TagId } from '#shared/model/ids.ts';
import { createTag } from '#shared/model/tags.ts';
import { buildTagIndex } from '#shared/model/tag-index.ts';
import { buildSeededProject, fixedId } from '../../helpers/seeded-project.ts';

const importer = fixedId<MemberId>(77);
const comparable = (excerpt: Excerpt) => (excerpt.anchored ? excerpt : { ...excerpt, utf16: null, codePoints: null });

describe('Web Annotation import (an export is a backup)', async () => {
  const project = await buildSeededProject();
  const context = buildExportContext(project.doc, project.articles, project.exportedAt);
  const exported = queryExcerpts(project.doc, project.articles);
  const json = excerptsToWebAnnotationJson(exported, context);

  it('recreates the same highlights, tags, hierarchy, colours, people, notes and replies in an empty project', () => {
    const copy = new Y.Doc();
    const result = importWebAnnotations(copy, json, { articles: project.articles, importer });
    expect(result).toEqual({ ok: true, highlights: 9, tags: 6, notes: 3, replies: 2, skipped: 0 });
    const again = queryExcerpts(copy, project.articles);
    expect(again.map(comparable)).toEqual(exported.map(comparable));
    const copyContext = buildExportContext(copy, project.articles, project.exportedAt);
    expect(copyContext.codebook).toEqual(context.codebook);
    expect(copyContext.projectName).toBe(context.projectName);
    expect(excerptsToWebAnnotationJson(again, copyContext)).toBe(json);
  });

  it('importing the same file twice changes nothing', () => {
    const copy = new Y.Doc();
    importWebAnnotations(copy, json, { articles: project.articles, importer });
    const before = Y.encodeStateVector(copy);
    const result = importWebAnnotations(copy, json, { articles: project.articles, importer });
    expect(result).toMatchObject({ ok: true, highlights: 0, tags: 0, skipped: 9 });
    expect(Y.encodeStateVector(copy)).toEqual(before);
  });

  it('refuses malformed and oversized input with a clear error and leaves the project untouched', () => {
    const copy = new Y.Doc();
    const untouched = Y.encodeStateAsUpdate(copy);
    const broken = JSON.parse(json) as { first: { items: { target: { selector: unknown[] } }[] } };
    (broken.first.items[3] as { target: { selector: unknown[] } }).target.selector = [];
    const cases: [string | Uint8Array, RegExp][] = [
      ['{not json', /not valid JSON/],
      ['{"type":"Annotation"}', /not a Web Annotation collection/],
      [JSON.stringify(broken), /has no TextQuoteSelector/],
      [new Uint8Array([0xff, 0xfe, 0x00]), /not valid JSON/],
      [json.replace('"value": "Security"', '"value": "Nope"'), /tag "Nope" is not in the codebook/],
    ];
    for (const [input, message] of cases) {
      const result = importWebAnnotations(copy, input, { articles: project.articles, importer });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(message);
      expect(Y.encodeStateAsUpdate(copy)).toEqual(untouched);
    }
    const tooBig = importWebAnnotations(copy, json, { articles: project.articles, importer, maxBytes: 1000 });
    expect(tooBig).toEqual({ ok: false, error: expect.stringMatching(/too large/) });
  });
});

describe('REFI-QDA codebook import', async () => {
  const project = await buildSeededProject();
  const qdc = codebookToQdc(buildExportContext(project.doc, project.articles, project.exportedAt)).data;
  const actor = { member: importer, now: () => Date.UTC(2026, 3, 1) };

  it('seeds an empty codebook with names, colours, descriptions and hierarchy', () => {
    const doc = new Y.Doc();
    expect(importCodebook(doc, actor, qdc)).toEqual({ ok: true, created: 6, matched: 0 });
    const context = buildExportContext(doc, [], 'x');
    expect(context.codebook.map((entry) => [entry.name, entry.colour])).toEqual([
      ['=Formula?', '#aabbcc'], ['Economy', '#388e3c'], ['Trade', '#1b5e20'], ['Energy', '#f9a825'], ['Security', '#d32f2f'], ['Military', '#b71c1c'],
    ]);
    const trade = context.codebook.find((entry) => entry.name === 'Trade');
    expect(context.codebook.find((entry) => entry.id === trade?.parentId)?.name).toBe('Economy');
    expect(trade?.description).toBe('Corridors, "Middle Corridor"');
  });

  it('matches existing names case-insensitively instead of duplicating them', () => {
    const doc = new Y.Doc();
    const mine = createTag(doc, actor, { name: '  security', colour: '#000000', id: fixedId<TagId>(500) });
    expect(importCodebook(doc, actor, qdc)).toEqual({ ok: true, created: 5, matched: 1 });
    const index = buildTagIndex(doc);
    expect([...index.tags.values()].filter((tag) => tag.name.trim().toLowerCase() === 'security')).toHaveLength(1);
    expect(index.children(mine).map((id) => index.tags.get(id)?.name)).toEqual(['Military']);
  });

  it('refuses malformed files, DOCTYPEs and bad colours without touching the project', () => {
    const doc = new Y.Doc();
    for (const [input, message] of [
      ['<CodeBook><Codes><Code name="a" isCodable="true" guid="x">', /unclosed element/],
      ['<!DOCTYPE x [<!ENTITY a "b">]><CodeBook/>', /DOCTYPE is not accepted/],
      [qdc.replace('color="#D32F2F"', 'color="red"'), /invalid color "red"/],
      ['<Project name="p"/>', /expected a CodeBook/],
      [qdc.replace('name="Energy"', 'name="A &bogus; B"'), /unescaped "&"/],
    ] as const) {
      const result = importCodebook(doc, actor, input);
      expect(result).toEqual({ ok: false, error: expect.stringMatching(message) });
    }
    expect(buildTagIndex(doc).tags.size).toBe(0);
  });
});
