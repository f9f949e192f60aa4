// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ItemsView } from '../../components/items/ItemsView';
import type { Item } from '../../lib/model/item';
import type { SearchClient } from '../../lib/reader/search-client';
import { makeSource, newStore } from '../store/fixtures';
import { speak } from './french';

/** The list's header counts the items in the page's language: "1 élément", never "1 éléments". */
vi.mock('../../lib/messages/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../lib/messages/client')>()),
  request: vi.fn(async () => 1),
  onEvent: () => () => undefined,
}));

const search: SearchClient = { start: vi.fn(), search: vi.fn(async () => undefined), changed: vi.fn(), settled: vi.fn(async () => undefined), onProgress: vi.fn() };

function item(n: number): Item {
  const day = `2026-03-${String(n).padStart(2, '0')}T08:00:00.000Z`;
  return { id: `i${n}`, sourceId: 'alpha', title: `Article ${n}`, published: day, fetched: day, categories: [], read: false, starred: false, tags: [] };
}

async function header(count: number): Promise<string> {
  const store = await newStore();
  await store.putSources([makeSource({ id: 'alpha' })]);
  await store.putItems(Array.from({ length: count }, (_, n) => item(n + 1)));
  const { container } = render(<ItemsView sources={[]} tags={[]} reader={store.reader} search={search} route={{ section: 'items', view: 'all' }} />);
  // "Comptage…" first, the count once the whole list is known.
  await screen.findByText(/^\d+ (élément|item)/);
  return container.querySelector('.count')?.textContent ?? '';
}

// Unmounted, then the list's reads let finish before the store's afterEach closes its connection.
afterEach(async () => {
  cleanup();
  await new Promise((resolve) => setTimeout(resolve, 50));
});

describe('ItemsView header', () => {
  it('says "1 élément" for one item and "2 éléments" for two', async () => {
    await speak('fr');
    expect(await header(1)).toBe('1 élément');
    cleanup();
    expect(await header(2)).toBe('2 éléments');
  });

  it('says "1 item" and "0 items" in English (English counts 0 as plural, French as singular)', async () => {
    await speak('en');
    expect(await header(1)).toBe('1 item');
    cleanup();
    expect(await header(0)).toBe('0 items');
    await speak('fr');
    cleanup();
    expect(await header(0)).toBe('0 élément');
  });
});
