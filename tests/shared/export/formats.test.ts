import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Excerpt, ExportContext } from '#shared/export/excerpt.ts';
import { buildExportContext, queryExcerpts } from '#shared/export/excerpts.ts';
import { csvColumns, excerptsToCsv, neutraliseFormula } from '#shared/export/csv.ts';
import { EXPORT_FORMAT_IDS, EXPORT_FORMATS, isExportFormatId, usesExcerpts } from '#shared/export/formats.ts';
import { escapeMarkdownInline, excerptsToMarkdown } from '#shared/export/markdown.ts';
import { codebookToQdc, excerptsToQde, excerptsToQdpx, refiGuid } from '#shared/export/refi-qda.ts';
import { excerptsToAnnotationCollection } from '#shared/export/web-annotation.ts';
import { buildSeededProject } from '../../helpers/seeded-project.ts';
import { changedWebAnnotationAssets, validateRefiXml, webAnnotationChecker } from './conformance.ts';

let excerpts: Excerpt[];
let context: ExportContext;

beforeAll(async () => {
  const project = await buildSeededProject();
  excerpts = queryExcerpts(project.doc, project.articles);
  context = buildExportContext(project.doc, project.articles, project.exportedAt);
});

const codePointSlice = (text: string, start: number, end: number) => Array.from(text).slice(start, end).join('');

describe('CSV', () => {
  it('parses back (csv-parse) to exactly the excerpts, one row per excerpt', () => {
    const csv = excerptsToCsv(excerpts, { rows: 'excerpt' });
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '').includes('\r')).toBe(false);
    const rows = parse(csv, { columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
    expect(rows).toHaveLength(excerpts.length);
    expect(Object.keys(rows[0] ?? {})).toEqual(csvColumns('excerpt'));
    const unneutralise = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);
    rows.forEach((row, i) => {
      const excerpt = excerpts[i] as Excerpt;
      expect(unneutralise(row.quote as string)).toBe(excerpt.quote);
      expect(row.highlight_id).toBe(excerpt.id);
      expect(unneutralise(row.document_author as string)).toBe(excerpt.document.author ?? '');
      expect(row.tags).toBe(excerpt.tags.map((tag) => tag.name).join('; ').replace(/^([=+\-@])/, "'$1"));
      expect(Number(row.start_code_point)).toBe(excerpt.codePoints.start);
      expect(Number(row.end_utf16)).toBe(excerpt.utf16.end);
      expect(unneutralise(row.note as string)).toBe(excerpt.notes.map((note) => note.text).join('\n\n'));
      expect(unneutralise(row.highlighted_by as string)).toBe(excerpt.highlightedBy.name);
    });
  });

  it('neutralises formula cells with an apostrophe and leaves other text alone', () => {
    for (const cell of ['=SUM(A1)', '+1', '-2', '@home', '\tx', '\rx']) expect(neutraliseFormula(cell)).toBe(`'${cell}`);
    for (const cell of ['plain', "'already", '1-2']) expect(neutraliseFormula(cell)).toBe(cell);
    const csv = excerptsToCsv(excerpts, { rows: 'excerpt' });
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    const formulaRow = rows.find((row) => row.quote?.includes('SUM'));
    expect(formulaRow?.quote).toBe("'=SUM(A1:A2) looked like a formula");
    expect(formulaRow?.tags).toBe("'=Formula?");
    expect(rows.some((row) => row.document_author === "'=cmd|' /C calc'!A0")).toBe(true);
    expect(rows.some((row) => row.highlighted_by === "'@Cem, Jr.")).toBe(true);
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('writes one row per excerpt and tag (untagged excerpts keep one row), with a BOM on request', () => {
    const csv = excerptsToCsv(excerpts, { rows: 'tag', bom: true });
    expect(csv.startsWith('\uFEFFhighlight_id,')).toBe(true);
    const rows = parse(csv, { columns: true, bom: true }) as Record<string, string>[];
    const expected = excerpts.reduce((sum, excerpt) => sum + Math.max(1, excerpt.tags.length), 0);
    expect(rows).toHaveLength(expected);
    const trade = rows.find((row) => row.tag === 'Trade' && row.quote?.startsWith('economic'));
    expect(trade?.tag_path).toBe('Economy / Trade');
    expect(trade?.tagged_by).toBe("'@Cem, Jr.");
    expect(trade?.tag_colour).toBe('#1b5e20');
  });
});

describe('Markdown', () => {
  it('escapes Markdown-significant characters in metadata and text', () => {
    expect(escapeMarkdownInline('*a* _b_ [c](d) <e> `f` #g |h| ~i~')).toBe('\\*a\\* \\_b\\_ \\[c\\](d) \\<e\\> \\`f\\` \\#g \\|h\\| \\~i\\~');
    const md = excerptsToMarkdown(excerpts, context, { group: 'tag' });
    expect(md).toContain('# South Caucasus \\| coding \\*pilot\\*: excerpts');
    expect(md).toContain('\\*Bold?\\* \\# not a heading\\');
    expect(md).toContain('\\- not a list\\');
    expect(md).toContain('\\> not a quote\\');
    expect(md).toContain('\\[link\\](x) & \\<b\\>html\\</b\\>');
    expect(md).toContain('Test \\*Press\\* \\[Baku\\]');
  });

  it('quotes every line as a blockquote and cites author, title, publisher, section and paragraph', () => {
    const md = excerptsToMarkdown(excerpts, context, { group: 'document' });
    const first = excerpts[0] as Excerpt;
    expect(md).toContain(`> ${first.quote}`);
    expect(md).toContain(`— Elmar Ismayilzada, *${first.document.title}*, Politicon.co, § ${first.headingPath.join(' › ')}, ¶ ${first.paragraph}`);
    expect(md).toContain('unanchored (stored quote)');
    expect(md).toContain('- **@Cem, Jr.** (2026-03-01): \\=HYPERLINK("http://evil") should stay text');
    const sections = md.split('\n').filter((line) => line.startsWith('## '));
    expect(sections).toHaveLength(new Set(excerpts.map((excerpt) => excerpt.document.id)).size);
  });

  it('groups by tag path with untagged excerpts last', () => {
    const md = excerptsToMarkdown(excerpts, context, { group: 'tag' });
    const sections = md.split('\n').filter((line) => line.startsWith('## '));
    expect(sections).toContain('## Security / Military');
    expect(sections).toContain('## Economy / Trade');
    expect(sections[sections.length - 1]).toBe('## Untagged');
  });
});

describe('Web Annotation JSON-LD', () => {
  it('selects each quote by code points and describes tags and notes as TextualBodies', () => {
    const collection = excerptsToAnnotationCollection(excerpts, context);
    expect(collection.total).toBe(excerpts.length);
    expect(collection.first.items).toHaveLength(excerpts.length);
    for (const annotation of collection.first.items) {
      const documentId = decodeURIComponent(annotation.target.source.replace('urn:marginalia:document:', ''));
      const text = context.documents.find((document) => document.id === documentId)?.text as string;
      const quote = annotation.target.selector.find((selector) => selector.type === 'TextQuoteSelector');
      const position = annotation.target.selector.find((selector) => selector.type === 'TextPositionSelector');
      if (position && quote && position.type === 'TextPositionSelector' && quote.type === 'TextQuoteSelector') {
        expect(codePointSlice(text, position.start, position.end)).toBe(quote.exact);
      }
    }
    const hard = collection.first.items.find((item) => item.target.selector.some((s) => s.type === 'TextQuoteSelector' && s.exact.startsWith('Then 🧭')));
    const position = hard?.target.selector.find((s) => s.type === 'TextPositionSelector');
    const excerpt = excerpts.find((e) => e.quote.startsWith('Then 🧭')) as Excerpt;
    expect(position).toEqual({ type: 'TextPositionSelector', start: excerpt.codePoints.start, end: excerpt.codePoints.end });
    expect(excerpt.utf16.start - excerpt.codePoints.start).toBe(2); // 🧭 and 𝒜 in the heading before it
    expect(hard?.body?.filter((body) => body.purpose === 'commenting')).toHaveLength(1);
    const unanchored = collection.first.items.find((item) => item.target.selector.some((s) => s.type === 'TextQuoteSelector' && s.exact.startsWith('a sentence')));
    expect(unanchored?.target.selector.map((s) => s.type)).toEqual(['TextQuoteSelector']);
  });

  it('passes every MUST assertion of the W3C test suite, for every exported annotation', () => {
    const check = webAnnotationChecker();
    const collection = excerptsToAnnotationCollection(excerpts, context);
    for (const annotation of collection.first.items) expect(check(annotation), annotation.id).toEqual([]);
  });
  it('the checker can fail: a broken annotation is caught', () => {
    const check = webAnnotationChecker();
    const annotation = excerptsToAnnotationCollection(excerpts, context).first.items[0];
    const broken = { ...annotation, '@context': 'http://example.org/wrong', created: 'yesterday' };
    expect(check(broken).map((failure) => failure.assertion)).toEqual(
      expect.arrayContaining(['annotations/3.1-annotationContextValidated.json', 'annotations/3.3.1-annotationCreatedValidated.json']),
    );
  });
});

describe('REFI-QDA', () => {
  it('selections select exactly their quote (code points) in the exported LF-only source text', () => {
    const { data } = excerptsToQdpx(excerpts, context);
    const files = unzipSync(data);
    const qde = strFromU8(files['project.qde'] as Uint8Array);
    let checked = 0;
    for (const excerpt of excerpts.filter((e) => e.anchored)) {
      const source = strFromU8(files[`sources/${refiGuid.source(excerpt.document.id)}.txt`] as Uint8Array);
      expect(source.includes('\r')).toBe(false);
      const match = new RegExp(`<PlainTextSelection guid="${refiGuid.selection(excerpt.id)}"[^>]*startPosition="(\\d+)" endPosition="(\\d+)"`).exec(qde);
      expect(match, excerpt.quote).not.toBeNull();
      expect(codePointSlice(source, Number(match?.[1]), Number(match?.[2]))).toBe(excerpt.quote);
      checked++;
    }
    expect(checked).toBe(excerpts.filter((e) => e.anchored).length);
    expect(qde).toContain('Unanchored highlight (its text changed): “a sentence that an older edition contained”');
  });

  it('escapes XML and removes (and counts) characters XML 1.0 cannot carry', () => {
    const first = excerpts[0] as Excerpt;
    const note = first.notes[0];
    const withControl = { ...first, notes: note ? [{ ...note, text: `bell\u0007 & <tag> "q"` }] : [] };
    const { data, removedCharacters } = excerptsToQde([withControl], context);
    expect(removedCharacters).toBe(1);
    expect(data.xml).toContain('<PlainTextContent>bell &amp; &lt;tag&gt; "q"</PlainTextContent>');
    expect(data.xml).toContain('name="Bora &quot;B&quot; İnce"');
  });

  it('project.qde validates against Project.xsd and the .qdc against Codebook.xsd', async () => {
    const { data } = excerptsToQde(excerpts, context);
    expect(await validateRefiXml(data.xml, 'Project.xsd')).toEqual([]);
    expect(await validateRefiXml(codebookToQdc(context).data, 'Codebook.xsd')).toEqual([]);
  });
  it('the validator can fail: an invalid colour and a missing name are reported', async () => {
    const bad = codebookToQdc(context).data.replace('color="#D32F2F"', 'color="red"').replace(/ name="Energy"/, '');
    expect((await validateRefiXml(bad, 'Codebook.xsd')).length).toBeGreaterThanOrEqual(2);
  });
});

describe('conformance assets', () => {
  it('every Web Annotation file listed in SOURCES.tsv is present and unchanged (sha256)', () => {
    expect(changedWebAnnotationAssets()).toEqual([]);
  });
});

describe('the export format list (formats.ts)', () => {
  it('names every format once, with the label people say, its extension and MIME type', () => {
    expect(EXPORT_FORMAT_IDS).toEqual(['csv', 'md', 'jsonld', 'qdpx', 'qdc']);
    expect(EXPORT_FORMAT_IDS.map((id) => [EXPORT_FORMATS[id].id, EXPORT_FORMATS[id].label, EXPORT_FORMATS[id].extension])).toEqual([
      ['csv', 'CSV', 'csv'],
      ['md', 'Markdown', 'md'],
      ['jsonld', 'Web Annotation (JSON-LD)', 'jsonld'],
      ['qdpx', 'REFI-QDA project (.qdpx)', 'qdpx'],
      ['qdc', 'REFI-QDA codebook (.qdc)', 'qdc'],
    ]);
    for (const id of EXPORT_FORMAT_IDS) expect(EXPORT_FORMATS[id].mimeType).toMatch(/^[a-z]+\/[a-z+.-]+/);
  });

  it('tells format ids from other words, and which formats take the excerpt filters', () => {
    expect(isExportFormatId('jsonld')).toBe(true);
    expect(isExportFormatId('markdown')).toBe(false);
    expect(isExportFormatId('CSV')).toBe(false);
    expect(EXPORT_FORMAT_IDS.filter((id) => !usesExcerpts(id))).toEqual(['qdc']);
  });
});
