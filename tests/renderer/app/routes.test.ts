import { describe, expect, it } from 'vitest';
import { libraryHref, parseRoute, readerHref } from '../../../renderer/app/routes.ts';

describe('routes', () => {
  it('round-trips reader routes and defaults to the library', () => {
    expect(parseRoute(readerHref('azerbaijan-us-russia-dynamics'))).toEqual({ name: 'reader', documentId: 'azerbaijan-us-russia-dynamics' });
    expect(parseRoute(libraryHref())).toEqual({ name: 'library' });
    expect(parseRoute('')).toEqual({ name: 'library' });
    expect(parseRoute('#/read/')).toEqual({ name: 'library' });
    expect(parseRoute('#/read/a/b')).toEqual({ name: 'library' });
    expect(parseRoute('#/read/%E0%A4%A')).toEqual({ name: 'library' });
  });
});
