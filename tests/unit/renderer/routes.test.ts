import { describe, expect, it } from 'vitest';
import { hashOf, routeFromHash } from '../../../src/renderer/lib/routes';

describe('routes', () => {
  it('reads each view back from the hash it writes, ids with reserved characters included', () => {
    for (const route of [
      { name: 'library' },
      { name: 'trash' },
      { name: 'entities' },
      { name: 'document', id: 'a/b c%d' },
      { name: 'entity', id: 'é?#' }
    ] as const) {
      expect(routeFromHash(hashOf(route))).toEqual(route);
    }
  });

  it('keeps an id with a malformed escape as written instead of failing, so the view can say it finds no such record', () => {
    expect(routeFromHash('#/documents/%E0%A4%A')).toEqual({ name: 'document', id: '%E0%A4%A' });
    expect(routeFromHash('#/entities/%')).toEqual({ name: 'entity', id: '%' });
  });
});
