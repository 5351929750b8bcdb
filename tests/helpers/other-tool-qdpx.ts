/**
 * A small REFI-QDA project written the way another QDA program writes it, for the tests of
 * importing one from the app and the command line: a `.qde` not named project.qde, a
 * `Sources/` folder, an interview as CRLF plain text that is none of the bundled articles,
 * coded by two people (Leyla codes both spans, Tomas adds Economy to the first and codes part of the second) with a code hierarchy, and a picture source (which
 * Marginalia cannot import, so it is listed as skipped).
 */
import { codePointSpan, el, guid, qde, qdpx } from './qdpx-builder.ts';

/** The interview's text as the file holds it (CRLF). */
export const INTERVIEW = 'Interview with a returning migrant.\r\nShe says return home was always the plan.\r\n\r\nEnergy prices decided the timing.';
/** The coded phrases, as they read in the document. */
export const RETURN_PHRASE = 'return home was always the plan';
export const ENERGY_PHRASE = 'Energy prices decided the timing';
export const INTERVIEW_NAME = 'Interview 7 (Leyla)';

/** Builds the `.qdpx` bytes. */
export function buildOtherToolQdpx(): Uint8Array {
  const T = '2026-01-05T10:00:00Z';
  const xml = qde(
    { name: 'Field interviews', origin: 'Some QDA 12', creatingUserGUID: guid(1) },
    el('Users', {}, el('User', { guid: guid(1), name: 'Leyla' }), el('User', { guid: guid(2), name: 'Tomas' })),
    el('CodeBook', {}, el('Codes', {},
      el('Code', { guid: guid(10), name: 'Migration', isCodable: true, color: '#1565C0' }, el('Code', { guid: guid(11), name: 'Return', isCodable: true })),
      el('Code', { guid: guid(12), name: 'Economy', isCodable: true, color: '#2E7D32' }),
    )),
    el('Sources', {},
      el('TextSource', { guid: guid(20), name: INTERVIEW_NAME, plainTextPath: 'internal://interview-7.txt', creatingUser: guid(1) },
        el('PlainTextSelection', { guid: guid(30), name: 'return', ...codePointSpan(INTERVIEW, RETURN_PHRASE), creatingUser: guid(1), creationDateTime: T },
          el('Coding', { guid: guid(40), creatingUser: guid(1) }, el('CodeRef', { targetGUID: guid(11) })),
          el('Coding', { guid: guid(42), creatingUser: guid(2) }, el('CodeRef', { targetGUID: guid(12) }))),
        el('PlainTextSelection', { guid: guid(31), name: 'energy', ...codePointSpan(INTERVIEW, ENERGY_PHRASE), creatingUser: guid(1), creationDateTime: T },
          el('Coding', { guid: guid(43), creatingUser: guid(1) }, el('CodeRef', { targetGUID: guid(12) })),
          el('NoteRef', { targetGUID: guid(50) })),
        el('PlainTextSelection', { guid: guid(32), name: 'prices', ...codePointSpan(INTERVIEW, 'Energy prices decided'), creatingUser: guid(2), creationDateTime: T },
          el('Coding', { guid: guid(44), creatingUser: guid(2) }, el('CodeRef', { targetGUID: guid(12) })))),
      el('PictureSource', { guid: guid(23), name: 'Map of the district', path: 'internal://map.png' }),
    ),
    el('Notes', {}, el('Note', { guid: guid(50), name: 'On timing', creatingUser: guid(1), creationDateTime: T }, el('PlainTextContent', {}, 'Prices, not policy.'))),
  );
  return qdpx({
    'Field interviews.qde': xml,
    'Sources/interview-7.txt': INTERVIEW,
    'Sources/map.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
  });
}
