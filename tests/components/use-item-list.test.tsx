// @vitest-environment happy-dom
import { act, cleanup, renderHook, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useItemList, type ItemListOptions } from '../../components/items/use-item-list';
import type { VigieEvent } from '../../lib/messages/protocol';
import type { Item } from '../../lib/model/item';
import type { SearchClient } from '../../lib/reader/search-client';
import type { VigieReader } from '../../lib/store/reader';
import { makeSource, newStore } from '../store/fixtures';
import { speakFrench } from './french';

/** The items list's controller, over a real reader (fake IndexedDB), a scripted search worker and a fake background. */
const background = vi.hoisted(() => ({
  listeners: [] as ((event: VigieEvent) => void)[],
  request: vi.fn(async (..._args: unknown[]): Promise<unknown> => 1),
}));

vi.mock('../../lib/messages/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../lib/messages/client')>()),
  request: background.request,
  onEvent: (listener: (event: VigieEvent) => void) => {
    background.listeners.push(listener);
    return () => background.listeners.splice(background.listeners.indexOf(listener), 1);
  },
}));

const emit = (event: VigieEvent) => act(() => background.listeners.forEach((listener) => listener(event)));

// Day n of March 2026 (from the 32nd, the days of April).
const day = (n: number) => new Date(Date.UTC(2026, 2, n, 8)).toISOString();

function item(n: number, fields: Partial<Item> = {}): Item {
  return { id: `i${n}`, sourceId: 'alpha', title: `Article ${n}`, published: day(n), fetched: day(n), categories: [], read: n % 2 === 0, starred: false, tags: [], ...fields };
}

/** A search worker whose answers the test gives, in the order it chooses. */
function scriptedSearch() {
  const pending: ((ids: Set<string> | undefined) => void)[] = [];
  const client: SearchClient = {
    start: vi.fn(),
    search: vi.fn(() => new Promise<Set<string> | undefined>((resolve) => pending.push(resolve))),
    changed: vi.fn(),
    settled: vi.fn(async () => undefined),
    onProgress: vi.fn(),
  };
  return { client, answer: (index: number, ids: string[]) => act(() => pending[index]?.(new Set(ids))) };
}

async function setUp(count = 6, options: Partial<ItemListOptions> = {}) {
  const store = await newStore();
  await store.putSources([makeSource({ id: 'alpha' })]);
  await store.putItems(Array.from({ length: count }, (_, n) => item(n + 1)));
  const reader: VigieReader = store.reader;
  const search = scriptedSearch();
  const view = renderHook(() => useItemList({ reader, search: search.client, route: { section: 'items', view: 'all' }, ...options }));
  return { store, reader, search, view };
}

beforeEach(() => {
  // The background's refusals are worded in the page: in French here.
  speakFrench();
  background.listeners.length = 0;
  background.request.mockReset();
  background.request.mockResolvedValue(1);
  location.hash = '';
});
// Unmounted first, then the reads already started (the date ranks made ready after the list) let finish, before
// the store's afterEach closes its connection.
afterEach(async () => {
  cleanup();
  await new Promise((resolve) => setTimeout(resolve, 50));
});

describe('useItemList', () => {
  it('lists every item newest first, counts them once the whole list is known, then starts the search index', async () => {
    const { view, search } = await setUp();
    expect(view.result.current.counted).toBe(false);
    await waitFor(() => expect(view.result.current.counted).toBe(true));
    expect(view.result.current.ids).toEqual(['i6', 'i5', 'i4', 'i3', 'i2', 'i1']);
    // The first screen's rows were read with it, so the list draws them without another read.
    expect([...view.result.current.rows.keys()].sort()).toEqual(['i1', 'i2', 'i3', 'i4', 'i5', 'i6']);
    await waitFor(() => expect(search.client.start).toHaveBeenCalled());
  });

  it('shows the rows read before the first render at once, without reading them again', async () => {
    const preloaded = { ids: ['i9'], items: [item(9)] };
    const store = await newStore();
    await store.putItems([item(9), item(8)]);
    const getItems = vi.spyOn(store.reader, 'getItems');
    const search = scriptedSearch().client;
    const view = renderHook(() => useItemList({ reader: store.reader, search, route: { section: 'items', view: 'all' }, firstScreen: preloaded }));
    expect(view.result.current.ids).toEqual(['i9']);
    expect(view.result.current.rows.get('i9')?.title).toBe('Article 9');
    await waitFor(() => expect(view.result.current.ids).toEqual(['i9', 'i8']));
    expect(getItems).not.toHaveBeenCalled();
  });

  it('reads only the rows not yet cached', async () => {
    const { view, reader } = await setUp();
    await waitFor(() => expect(view.result.current.counted).toBe(true));
    const getItems = vi.spyOn(reader, 'getItems');
    expect(await view.result.current.loadRows(['i1', 'i2'])).toBe(false);
    expect(getItems).not.toHaveBeenCalled();
    view.result.current.rows.delete('i2');
    expect(await view.result.current.loadRows(['i1', 'i2'])).toBe(true);
    expect(getItems).toHaveBeenCalledWith(['i2']);
    expect(view.result.current.rows.get('i2')?.title).toBe('Article 2');
  });

  it('drops a search answer overtaken by a later keystroke', async () => {
    const { view, search } = await setUp();
    await waitFor(() => expect(view.result.current.counted).toBe(true));
    act(() => view.result.current.onSearch('art'));
    act(() => view.result.current.onSearch('article 3'));
    await search.answer(1, ['i3']);
    await waitFor(() => expect(view.result.current.ids).toEqual(['i3']));
    // The first keystroke's answer comes last: it must not replace the fresher one.
    await search.answer(0, ['i1', 'i2', 'i3']);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(view.result.current.ids).toEqual(['i3']);
    // An emptied box lists everything again.
    act(() => view.result.current.onSearch('  '));
    await waitFor(() => expect(view.result.current.ids).toHaveLength(6));
  });

  it('shows a search answer with its first rows already read: its first frame has no empty rows', async () => {
    // 60 items: the first screen read the newest 40, not i5.
    const { view, search } = await setUp(60);
    await waitFor(() => expect(view.result.current.counted).toBe(true));
    expect(view.result.current.rows.has('i5')).toBe(false);
    act(() => view.result.current.onSearch('article 5'));
    let shownWithout = false;
    const rows = view.result.current.rows;
    await search.answer(0, ['i5']);
    await waitFor(() => {
      const { ids, rows } = view.result.current;
      if (ids.length === 1 && !rows.has('i5')) shownWithout = true;
      expect(ids).toEqual(['i5']);
    });
    expect(shownWithout).toBe(false);
    expect(rows.get('i5')?.title).toBe('Article 5');
  });

  it('shows a search answer even when its rows cannot be read at once (the list reads them again as it draws them)', async () => {
    const { view, search, reader } = await setUp(60);
    await waitFor(() => expect(view.result.current.counted).toBe(true));
    vi.spyOn(reader, 'getItems').mockRejectedValueOnce(new Error('The database connection is closing.'));
    act(() => view.result.current.onSearch('article 5'));
    await search.answer(0, ['i5']);
    await waitFor(() => expect(view.result.current.ids).toEqual(['i5']));
    expect(view.result.current.rows.has('i5')).toBe(false);
  });

  it('filters by the filters: unread only, oldest first; the ticked items are cleared with a new list', async () => {
    const { view } = await setUp();
    await waitFor(() => expect(view.result.current.counted).toBe(true));
    act(() => view.result.current.check('i2', true));
    expect([...view.result.current.checked]).toEqual(['i2']);
    act(() => view.result.current.setFilters({ read: 'unread', order: 'oldest' }));
    await waitFor(() => expect(view.result.current.ids).toEqual(['i1', 'i3', 'i5']));
    expect(view.result.current.checked.size).toBe(0);
  });

  it("follows the background's changes: changed rows are read again (shown as they were meanwhile), the index told, the list resolved anew", async () => {
    const { view, store, search } = await setUp();
    await waitFor(() => expect(view.result.current.counted).toBe(true));
    await store.putItems([item(7)]);
    await store.updateItems(['i1'], { starred: true });
    await emit({ channel: 'vigie', event: 'itemsChanged', newCount: 1, ids: ['i7', 'i1'] });
    expect(search.client.changed).toHaveBeenCalled();
    // Still shown as it was until read again: a row never goes blank under the member (nor loses focus).
    expect(view.result.current.rows.get('i1')?.starred).toBe(false);
    expect(view.result.current.version).toBe(1);
    await waitFor(() => expect(view.result.current.ids[0]).toBe('i7'));
    // The plain list's first screen read its rows again, the changed one as it now is.
    await waitFor(() => expect(view.result.current.rows.get('i1')?.starred).toBe(true));
    // Without ids (a restore), every cached row is read again when next shown.
    await store.updateItems(['i3'], { starred: true });
    await emit({ channel: 'vigie', event: 'itemsChanged', newCount: 0 });
    await waitFor(async () => {
      await view.result.current.loadRows(['i3']);
      expect(view.result.current.rows.get('i3')?.starred).toBe(true);
    });
    expect(await view.result.current.loadRows(['i3'])).toBe(false);
  });

  it('opens an item by the address and marks it read when it was not', async () => {
    const { view } = await setUp();
    await waitFor(() => expect(view.result.current.counted).toBe(true));
    act(() => view.result.current.open('i3'));
    expect(location.hash).toBe('#/all?item=i3');
    expect(background.request).toHaveBeenCalledWith('updateItems', { ids: ['i3'], patch: { read: true } });
    background.request.mockClear();
    act(() => view.result.current.open('i2'));
    expect(background.request).not.toHaveBeenCalled();
  });

  it("reads the item the address opens, and says the background's refusal in its words", async () => {
    const { RequestError } = await import('../../lib/messages/client');
    const store = await newStore();
    await store.putItems([item(4)]);
    const search = scriptedSearch().client;
    const view = renderHook(() => useItemList({ reader: store.reader, search, route: { section: 'items', view: 'all', item: 'i4' } }));
    await waitFor(() => expect(view.result.current.opened?.id).toBe('i4'));
    const full = new RequestError('quota');
    background.request.mockRejectedValueOnce(full);
    act(() => void view.result.current.patch(['i4'], { starred: true }));
    await waitFor(() => expect(view.result.current.said).toEqual({ kind: 'error', text: full.message }));
  });
});
