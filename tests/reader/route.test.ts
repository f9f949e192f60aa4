import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute } from '../../lib/reader/route';

describe('dashboard routes', () => {
  it('reads each section and view, defaulting to everything', () => {
    expect(parseRoute('')).toEqual({ section: 'items', view: 'all' });
    expect(parseRoute('#/unread')).toEqual({ section: 'items', view: 'unread' });
    expect(parseRoute('#/clips')).toEqual({ section: 'items', view: 'clips' });
    expect(parseRoute('#/sources')).toEqual({ section: 'sources' });
    expect(parseRoute('#/settings')).toEqual({ section: 'settings' });
    expect(parseRoute('#/nimporte')).toEqual({ section: 'items', view: 'all' });
  });

  it('round-trips a source, a tag and an opened item, ids with odd characters included', () => {
    for (const route of [
      { section: 'items', view: 'all', sourceId: 'meta/newsroom é' },
      { section: 'items', view: 'all', tag: 'algorithme-portee', item: 'abc 123' },
      { section: 'items', view: 'starred', item: 'x' },
    ] as const) {
      expect(parseRoute(formatRoute(route))).toEqual(route);
    }
  });
});
