/**
 * Memos in the exports: a "Memos" section in Markdown (headings under the section's own,
 * lists, emphasis, a link to a highlight as its quote, everything escaped), and in
 * REFI-QDA the project memo as a project Note, a document memo as a Note its TextSource
 * refers to, a code memo in the code's Description (`.qdpx` and `.qdc`), a memo of a code
 * no longer in the codebook as a Note — each file still valid against the QDA-XML schemas.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildExportContext, queryExcerpts } from '#shared/export/excerpts.ts';
import type { ExportContext } from '#shared/export/excerpt.ts';
import { excerptsToMarkdown } from '#shared/export/markdown.ts';
import { codebookToQdc, excerptsToQde, refiGuid } from '#shared/export/refi-qda.ts';
import { memoGuid } from '#shared/export/refi-qda-memos.ts';
import type { MemoId } from '#shared/model/ids.ts';
import { codeMemoSubject, documentMemoSubject, PROJECT_MEMO } from '#shared/model/memo-subjects.ts';
import { startMemo } from '#shared/model/memos.ts';
import { deleteTag, updateTag } from '#shared/model/tags.ts';
import { buildSeededProject, type SeededProject } from '../../helpers/seeded-project.ts';
import { validateRefiXml } from './conformance.ts';

const AT = Date.UTC(2026, 3, 2, 10, 0, 0);
let project: SeededProject;
let context: ExportContext;
let documentMemo: MemoId;
let documentId: string;

beforeAll(async () => {
  project = await buildSeededProject();
  const actor = { member: project.members.ana, now: () => AT };
  documentId = project.articles[0]!.meta.id;
  startMemo(project.doc, actor, PROJECT_MEMO, '# Findings\n- *Baku* hedges\n- [the mandate](highlight:H1) <script>x</script>');
  documentMemo = startMemo(project.doc, actor, documentMemoSubject(documentId), 'Read **twice**.');
  updateTag(project.doc, actor, project.tags.energy, { description: 'Oil, gas and transit.' });
  startMemo(project.doc, actor, codeMemoSubject(project.tags.energy), 'Grows with the pipelines.');
  startMemo(project.doc, actor, codeMemoSubject(project.tags.formula), 'A code that was deleted.');
  deleteTag(project.doc, actor, project.tags.formula);
  context = buildExportContext(project.doc, project.articles, project.exportedAt);
});

describe('memos in the Markdown export', () => {
  it('follow the excerpts in a Memos section, escaped, links as quotes', () => {
    const markdown = excerptsToMarkdown(queryExcerpts(project.doc, project.articles, {}, 'tag'), context, { group: 'tag' });
    const section = markdown.slice(markdown.indexOf('\n## Memos\n'));
    expect(section).toContain([
      '### Project memo',
      '',
      '*Ana Əliyeva, started 2026-04-02; last edited by Ana Əliyeva, 2026-04-02*',
      '',
      '#### Findings',
      '',
      '- *Baku* hedges',
      '- “the mandate” \\<script\\>x\\</script\\>',
    ].join('\n'));
    expect(section).toContain('Read **twice**.');
    expect(section).toContain(`### Document memo: ${project.articles[0]!.meta.title}`);
    expect(section).toContain('### Code memo: Energy\n');
    expect(section.indexOf('### Project memo')).toBeLessThan(section.indexOf('### Document memo'));
  });
});

describe('memos in the REFI-QDA export', () => {
  it('are project notes, a note of their source, and the code’s description; the files stay valid', async () => {
    const { data } = excerptsToQde(queryExcerpts(project.doc, project.articles, {}, 'tag'), context);
    expect(await validateRefiXml(data.xml, 'Project.xsd')).toEqual([]);
    const source = data.xml.slice(data.xml.indexOf(`<TextSource guid="${refiGuid.source(documentId)}"`));
    expect(source.slice(0, source.indexOf('</TextSource>'))).toContain(`<NoteRef targetGUID="${memoGuid(documentMemo)}"/>`);
    expect(data.xml).toMatch(new RegExp(`<Note guid="${memoGuid(documentMemo)}" name="Document memo: [^"]*"[^>]*>\\s*<PlainTextContent>Read twice\\.</PlainTextContent>`));
    expect(data.xml).toMatch(/<Note guid="[^"]+" name="Project memo"[^>]*>\s*<PlainTextContent>Findings\n\n- Baku hedges\n- “the mandate” &lt;script&gt;x&lt;\/script&gt;<\/PlainTextContent>/);
    expect(data.xml).toContain('<Description>Oil, gas and transit.\n\nGrows with the pipelines.</Description>');
    expect(data.xml).toMatch(/name="Code memo: [^"]*"[^>]*>\s*<PlainTextContent>A code that was deleted\.<\/PlainTextContent>/);

    const qdc = codebookToQdc(context).data;
    expect(await validateRefiXml(qdc, 'Codebook.xsd')).toEqual([]);
    expect(qdc).toContain('<Description>Oil, gas and transit.\n\nGrows with the pipelines.</Description>');
  });
});
