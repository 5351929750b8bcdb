/**
 * The dialog-state → export mapping: which filter the query gets (empty selections mean
 * "no restriction", local whole days, refused date ranges), which formatter options, the
 * file name and type offered, and the Ctrl/Cmd+E shortcut in the browser build.
 */
import { describe, expect, it } from 'vitest';
import type { MemberId, TagId } from '#shared/model/ids.ts';
import { commandForKey } from '../../../renderer/services/platform.ts';
import { EXPORT_FORMAT_IDS, EXPORT_FORMATS } from '#shared/export/formats.ts';
import { DEFAULT_EXPORT_STATE, excerptQuery, FORMAT_HINTS, formatOptions, localDayBound, saveFilters, suggestedFileName, toggled, type ExportDialogState } from '../../../renderer/export/export-options.ts';

const state = (changes: Partial<ExportDialogState>): ExportDialogState => ({ ...DEFAULT_EXPORT_STATE, ...changes });

describe('excerptQuery', () => {
  it('asks for everything in document order by default', () => {
    expect(excerptQuery(DEFAULT_EXPORT_STATE)).toEqual({ ok: true, filter: {}, sort: 'document' });
  });

  it('maps every filter the dialog offers', () => {
    const result = excerptQuery(state({
      tags: ['t1' as TagId, 't2' as TagId], tagMatch: 'all', members: ['m1' as MemberId], documents: ['doc-a'],
      fromDate: '2026-03-01', toDate: '2026-03-02', withNote: true, sort: 'date',
    }));
    expect(result).toEqual({
      ok: true,
      sort: 'date',
      filter: {
        tags: ['t1', 't2'], tagMatch: 'all', members: ['m1'], documents: ['doc-a'],
        from: new Date(2026, 2, 1).getTime(), to: new Date(2026, 2, 2, 23, 59, 59, 999).getTime(), withNote: true,
      },
    });
  });

  it('ignores the any/all choice when no tag is ticked', () => {
    expect(excerptQuery(state({ tagMatch: 'all' }))).toEqual({ ok: true, filter: {}, sort: 'document' });
  });

  it('includes the whole last day and refuses a reversed or impossible range', () => {
    const sameDay = excerptQuery(state({ fromDate: '2026-03-01', toDate: '2026-03-01' }));
    expect(sameDay.ok && (sameDay.filter.to as number) - (sameDay.filter.from as number)).toBe(24 * 3600 * 1000 - 1);
    expect(excerptQuery(state({ fromDate: '2026-03-02', toDate: '2026-03-01' }))).toEqual({ ok: false, error: 'The “from” date is after the “to” date.' });
    expect(excerptQuery(state({ toDate: '2026-02-31' })).ok).toBe(false);
    expect(localDayBound('yesterday', false)).toBeUndefined();
  });
});

describe('formatOptions and file names', () => {
  it('passes CSV rows and the Excel BOM, Markdown grouping, and nothing for the other formats', () => {
    expect(formatOptions(state({ format: 'csv', csvRows: 'tag', csvExcel: true }))).toEqual({ rows: 'tag', bom: true });
    expect(formatOptions(state({ format: 'md', markdownGroup: 'document', csvExcel: true }))).toEqual({ group: 'document' });
    expect(formatOptions(state({ format: 'jsonld', csvRows: 'tag' }))).toEqual({});
    expect(formatOptions(state({ format: 'qdpx' }))).toEqual({});
    expect(formatOptions(state({ format: 'qdc', markdownGroup: 'document' }))).toEqual({});
  });

  it('suggests <project>-<day>.<ext>: the project name slugged, the local day in ISO form, nothing doubled', () => {
    const day = new Date(2026, 10, 21, 15, 30);
    expect(suggestedFileName('South Caucasus | coding *pilot*', 'csv', day)).toBe('south-caucasus-coding-pilot-2026-11-21.csv');
    expect(suggestedFileName('Ətraf / mühit', 'md', day)).toBe('ətraf-mühit-2026-11-21.md');
    expect(suggestedFileName('', 'qdc', day)).toBe('marginalia-2026-11-21.qdc');
    expect(suggestedFileName('../../etc', 'qdpx', day)).toBe('etc-2026-11-21.qdpx');
    expect(suggestedFileName('Research project', 'qdpx', day)).toBe('research-project-2026-11-21.qdpx');
    expect(suggestedFileName('Pilot 2026-11-21', 'jsonld', day)).toBe('pilot-2026-11-21.jsonld');
    expect(suggestedFileName('x', 'jsonld', day)).toBe('x-2026-11-21.jsonld');
  });

  it('offers a save-dialog file type named and extended as the shared format list says, and a hint for every format', () => {
    expect(saveFilters('jsonld')).toEqual([{ name: 'Web Annotation (JSON-LD)', extensions: ['jsonld'] }]);
    for (const format of EXPORT_FORMAT_IDS) {
      expect(saveFilters(format)).toEqual([{ name: EXPORT_FORMATS[format].label, extensions: [EXPORT_FORMATS[format].extension] }]);
      expect(FORMAT_HINTS[format]).toMatch(/\.$/);
    }
  });
});

describe('toggled', () => {
  it('adds and removes without duplicates', () => {
    expect(toggled(['a', 'b'], 'c', true)).toEqual(['a', 'b', 'c']);
    expect(toggled(['a', 'b'], 'a', true)).toEqual(['b', 'a']);
    expect(toggled(['a', 'b'], 'a', false)).toEqual(['b']);
  });
});

describe('Ctrl/Cmd+E in the browser build', () => {
  const key = (k: string, modifiers: Partial<KeyboardEvent> = {}) => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...modifiers });
  it('emits the same export command as the File menu', () => {
    expect(commandForKey(key('e', { ctrlKey: true }))).toBe('export');
    expect(commandForKey(key('E', { metaKey: true }))).toBe('export');
    expect(commandForKey(key('e'))).toBeNull();
    expect(commandForKey(key('e', { ctrlKey: true, shiftKey: true }))).toBeNull();
  });
});
