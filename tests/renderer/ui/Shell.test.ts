import { describe, expect, it } from 'vitest';
import { libraryHref, parseRoute } from '../../../renderer/app/routes.ts';
import { HOME_HREF } from '../../../renderer/ui/Shell.tsx';

describe('the top bar\'s home link', () => {
  it('leads to the library route', () => {
    expect(HOME_HREF).toBe(libraryHref());
    expect(parseRoute(HOME_HREF)).toEqual({ name: 'library' });
  });
});
