/**
 * The Export dialog's failure sentence: pipeline problems worded by their code with what
 * to do next, the desktop host's already-worded save errors passed on after a lead-in.
 */
import { describe, expect, it } from 'vitest';
import { ExportError } from '#shared/export/export-error.ts';
import { exportFailureText } from '../../../renderer/export/export-failure.ts';

describe('exportFailureText', () => {
  it('words the problems a dialog export can meet by their code', () => {
    expect(exportFailureText(new ExportError({ code: 'empty-codebook' }))).toBe(
      'The codebook is empty: a REFI-QDA codebook needs at least one tag. Create a tag, then export again.',
    );
    expect(exportFailureText(new ExportError({ code: 'missing-document-text', documentId: 'doc-x' }))).toMatch(
      /^The article “doc-x” is not loaded, and a REFI-QDA project must carry the text of every article it codes\. .*Documents filter/,
    );
  });

  it('names the code of a problem only the command line meets rather than hiding it', () => {
    expect(exportFailureText(new ExportError({ code: 'unknown-tag', name: 'x' }))).toBe('The export could not be made (unknown-tag).');
  });

  it('passes on a save error the desktop host already worded, and any other thrown value', () => {
    expect(exportFailureText(new Error('Disk full: could not save "/x.csv". Free some space or choose another drive, then try again.'))).toBe(
      'The export could not be saved: Disk full: could not save "/x.csv". Free some space or choose another drive, then try again.',
    );
    expect(exportFailureText('gone')).toBe('The export could not be saved: gone');
  });
});
