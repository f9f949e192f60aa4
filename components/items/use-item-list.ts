import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { errorText } from '@/components/ui/error-text';
import { onEvent, request } from '@/lib/messages/client';
import type { Item, ItemPatch } from '@/lib/model/item';
import { cachedKeys, DEFAULT_QUERY, firstScreen, isPlainList, resolveQuery, type ItemKeys, type ItemQuery } from '@/lib/reader/query';
import { formatRoute, type Route } from '@/lib/reader/route';
import type { SearchClient } from '@/lib/reader/search-client';
import type { VigieReader } from '@/lib/store/reader';
import { firstPaint } from '../ui/first-render';
import type { Said } from '../ui/StatusLine';
import { SEARCH_INPUT, SEARCH_READY, type FilterState, type Indexing } from './Filters';
import { FIRST_SCREEN, type FirstScreen } from './first-screen';
import { rowsOnScreen } from './ItemList';
import { savedText } from './saved-words';
import { useOpenedItem } from './use-opened-item';

/**
 * User Timing, read by the benchmark: from a keystroke to the list that answers it, rendered in the page (its
 * paint is timed by the rows' Element Timing, see bench/reader-chromium.ts).
 */
const SEARCH_ANSWERED = 'vigie:search-answered';

export type ItemsRoute = Extract<Route, { section: 'items' }>;

/** What the list reads: the index keys, the rows on screen and the item opened. */
export type ItemListReader = Pick<VigieReader, 'itemKeys' | 'getItems' | 'getItem'>;

export interface ItemListOptions {
  reader: ItemListReader;
  search: SearchClient;
  route: ItemsRoute;
  /** The rows read before the first render: shown at once, for the plain list only, once. */
  firstScreen?: FirstScreen;
}

/** What a list was resolved for: an answer already shown is not resolved again. */
interface Resolved {
  queryKey: string;
  keys: ItemKeys;
  matches?: Set<string>;
}

/**
 * The items list's controller: the query from the address and the filters, the search as the member types
 * (an overtaken answer is dropped), the cache of rows read, the background's events, and the member's
 * changes sent to the background. The view only renders what it returns.
 */
/** How long the list's read of every id waits, at most, for the search to load its saved index. */
const SEARCH_FIRST_MS = 3000;

export function useItemList({ reader, search, route, firstScreen: preloaded }: ItemListOptions) {
  const [version, setVersion] = useState(0);
  // A new set of keys whenever items change: the cache of index reads must not outlive them.
  const keys = useMemo(() => cachedKeys(reader.itemKeys()), [reader, version]);
  const [filters, setFilters] = useState<FilterState>({ read: 'all', order: 'newest' });
  const typed = useRef('');
  const [matches, setMatches] = useState<Set<string>>();
  const [ids, setIds] = useState<string[]>(() => preloaded?.ids ?? []);
  const unused = useRef(preloaded);
  // False while only the first screen of ids is known: the count waits for the whole list.
  const [counted, setCounted] = useState(false);
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const opened = useOpenedItem(reader, route.item, version);
  const [indexing, setIndexing] = useState<Indexing>();
  // What the last action did, or what went wrong: the view's status line says it (StatusLine).
  const [said, setSaid] = useState<Said>();
  const say = (text: string) => setSaid({ kind: 'ok', text });
  const sayProblem = (text: string) => setSaid({ kind: 'error', text });
  const rows = useRef(new Map<string, Item>(preloaded?.items.map((item) => [item.id, item])));

  useEffect(
    () =>
      search.onProgress((indexed, total, ready, origin) => {
        // User Timing: when the search can answer, from the page's start (the benchmark's « search ready »).
        if (ready && performance.getEntriesByName(SEARCH_READY).length === 0) performance.mark(SEARCH_READY);
        setIndexing({ indexed, total, ready, ...(origin ? { origin } : {}) });
      }),
    [search],
  );

  /** Reads the rows not yet cached; says whether it read any (the list then draws them). */
  // Rows changed in the store are read again but shown as they were meanwhile: a row never goes blank under
  // the member, and the control that has focus (a star just pressed) stays in the page (RGAA 7.1).
  const stale = useRef(new Set<string>());
  const loadRows = useCallback(
    async (wanted: string[]) => {
      const missing = wanted.filter((id) => !rows.current.has(id) || stale.current.has(id));
      if (missing.length === 0) return false;
      for (const id of missing) stale.current.delete(id);
      const found = await reader.getItems(missing);
      const kept = new Set(found.map((item) => item.id));
      for (const item of found) rows.current.set(item.id, item);
      // Gone from the store (pruned, its source removed): no longer shown.
      for (const id of missing) if (!kept.has(id)) rows.current.delete(id);
      return true;
    },
    [reader],
  );

  const query: ItemQuery = {
    ...DEFAULT_QUERY,
    view: route.view,
    sourceId: route.sourceId,
    tag: route.tag,
    read: filters.read,
    order: filters.order,
    impact: filters.impact,
    from: filters.from ? `${filters.from}T00:00:00.000Z` : undefined,
    to: filters.to ? `${filters.to}T23:59:59.999Z` : undefined,
  };
  const queryKey = JSON.stringify(query);

  const shown = useRef<Resolved>();
  const show = (next: string[], state: Resolved) => {
    shown.current = state;
    setCounted(true);
    setIds(next);
  };
  const sameAsShown = (state: Resolved) =>
    shown.current?.queryKey === state.queryKey && shown.current.keys === state.keys && shown.current.matches === state.matches;

  // Search as the member types, from the keystroke itself (an effect would wait for a painted frame): the
  // worker answers, the list is resolved and shown at once; an overtaken answer is dropped.
  const searched = useRef(0);
  // The words typed, marked in the rows' titles.
  const [highlight, setHighlight] = useState('');
  const answering = useRef(false);
  const runSearch = (text: string, state: { query: ItemQuery; queryKey: string; keys: ItemKeys }) => {
    typed.current = text;
    const seq = ++searched.current;
    if (!text.trim()) {
      setHighlight('');
      setMatches(undefined);
      return;
    }
    void search.search(text.trim()).then(async (found) => {
      if (!found || seq !== searched.current) return;
      const next = await resolveQuery(state.query, state.keys, found);
      if (seq !== searched.current) return;
      // The rows a screen shows are read before the answer is shown: its first frame shows them, not empty
      // rows (the few drawn beyond the screen are read after, as when scrolling). Rows that cannot be read
      // now do not hold the answer back: the list reads them again as it draws them.
      await loadRows(next.slice(0, rowsOnScreen())).catch(() => false);
      if (seq !== searched.current) return;
      answering.current = true;
      // Marked with the answer, in the same render: marking the words at the keystroke re-rendered the rows
      // that the answer was about to replace, and the worker's reply waited behind that render.
      setHighlight(text);
      setMatches(found);
      show(next, { queryKey: state.queryKey, keys: state.keys, matches: found });
    });
  };
  useLayoutEffect(() => {
    if (!answering.current) return;
    answering.current = false;
    if (performance.getEntriesByName(SEARCH_INPUT).length === 0) return;
    performance.measure(SEARCH_ANSWERED, SEARCH_INPUT);
  }, [ids]);
  // When items change, the typed search is asked again (the index has been updated).
  useEffect(() => {
    if (version > 0) runSearch(typed.current, { query, queryKey, keys });
  }, [version]);

  useEffect(() => {
    if (sameAsShown({ queryKey, keys, matches })) return;
    let current = true;
    let complete = false;
    setCounted(false);
    // The first screen paints from the end of the date index; then every id of the list loads (after it, so
    // that the big read does not queue in front of the small one, and once that screen is on view).
    const shownAlready = unused.current !== undefined && isPlainList(query, matches);
    unused.current = undefined;
    const first = shownAlready ? undefined : firstScreen(query, keys, matches, FIRST_SCREEN)?.then(async (ids) => {
      // Its rows are read now too, before the big read of all ids can queue in front of them.
      await loadRows(ids);
      if (current && !complete) setIds(ids);
    });
    // The search worker starts once the first screen is on view, so that it never delays it. Then the read of
    // every id of the list waits until the saved search index is read (about a second at 200,000 items: both
    // read the same IndexedDB, which serves one big read at a time), or the index is being built, or 3 s.
    const shown = Promise.all([first, firstPaint]).then(async () => {
      search.start();
      await Promise.race([search.settled(), new Promise((resolve) => setTimeout(resolve, SEARCH_FIRST_MS))]);
    });
    void shown.then(() => resolveQuery(query, keys, matches)).then((next) => {
      if (!current) return;
      complete = true;
      show(next, { queryKey, keys, matches });
      // The date ranks that order a search's answer are made ready too, so the first keystroke does not pay for them.
      setTimeout(() => void keys.dateRank?.(query.from, query.to), 0);
    });
    return () => {
      current = false;
    };
  }, [queryKey, matches, keys, search]);

  // A new list starts with nothing ticked.
  useEffect(() => setChecked(new Set()), [queryKey]);

  useEffect(
    () =>
      onEvent((event) => {
        if (event.event !== 'itemsChanged') return;
        const changed = event.ids ?? [...rows.current.keys()];
        for (const id of changed) if (rows.current.has(id)) stale.current.add(id);
        // The worker reads what changed from the store's search journal (a restored backup included).
        search.changed();
        setVersion((v) => v + 1);
      }),
    [search],
  );

  /**
   * Resolves whether it was stored: the reading pane says « Note enregistrée » only then, and the list's
   * status line says what was saved (`quiet` for what the member did not ask, as reading an item opened).
   */
  const patch = async (targets: string[], change: ItemPatch, options: { quiet?: boolean } = {}): Promise<boolean> => {
    try {
      await request('updateItems', { ids: targets, patch: change });
      if (!options.quiet) say(savedText(change, targets.length) ?? '');
      return true;
    } catch (error) {
      sayProblem(errorText(error));
      return false;
    }
  };

  /** Opens an item beside the list (by the address, so Back closes it); an unread one is then read. */
  const open = (id: string) => {
    location.hash = formatRoute({ ...route, item: id });
    const row = rows.current.get(id);
    if (row && !row.read) void patch([id], { read: true }, { quiet: true });
  };

  const check = (id: string, on: boolean) => {
    const next = new Set(checked);
    if (on) next.add(id);
    else next.delete(id);
    setChecked(next);
  };

  return {
    filters,
    setFilters,
    onSearch: (text: string) => runSearch(text, { query, queryKey, keys }),
    indexing,
    ids,
    // Counted only once the whole list of the query now asked is shown: after a change of view, the list
    // still on screen is the previous one's until the new one is read (the list says it is busy meanwhile).
    counted: counted && shown.current?.queryKey === queryKey,
    version,
    rows: rows.current,
    loadRows,
    opened,
    checked,
    check,
    clearChecked: () => setChecked(new Set()),
    said,
    highlight,
    patch,
    say,
    sayProblem,
    open,
    close: () => (location.hash = formatRoute({ ...route, item: undefined })),
  };
}
