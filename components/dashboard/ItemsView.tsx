import type { IDBPDatabase } from 'idb';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n/browser';
import { onEvent, request } from '@/lib/messages/client';
import type { Item, ItemPatch } from '@/lib/model/item';
import type { Source } from '@/lib/model/source';
import type { Tag } from '@/lib/model/tag';
import { itemKeys } from '@/lib/reader/item-keys';
import { cachedKeys, DEFAULT_QUERY, firstScreen, isPlainList, resolveQuery, type ItemKeys, type ItemQuery } from '@/lib/reader/query';
import { formatRoute, type Route } from '@/lib/reader/route';
import type { SearchClient } from '@/lib/reader/search-client';
import type { VigieSchema } from '@/lib/store/schema';
import { fromRecord } from '@/lib/store/store';
import { BulkBar } from './BulkBar';
import { Filters, SEARCH_INPUT, type FilterState } from './Filters';
import { FIRST_SCREEN, type FirstScreen } from './first-screen';

/** User Timing, read by the benchmark: from a keystroke to the list that answers it in the page, then painted. */
const SEARCH_ANSWERED = 'vigie:search-answered';
const SEARCH_PAINTED = 'vigie:search-painted';
import { firstPaint } from '../first-render';
import { ItemList } from './ItemList';
import { ReadingPane } from './lazy-reading-pane';
import { useOpenedItem } from './use-opened-item';
import { errorText } from '@/components/ui/error-text';

type ItemsRoute = Extract<Route, { section: 'items' }>;

interface Props {
  db: IDBPDatabase<VigieSchema>;
  search: SearchClient;
  route: ItemsRoute;
  sources: Source[];
  tags: Tag[];
  firstScreen?: FirstScreen;
}

/**
 * A list of items (a view of the navigation, filtered, searched) with a reading pane. Ids come from the
 * store's indexes; records are read only for the rows on screen and the item opened.
 */
export function ItemsView({ db, search, route, sources, tags, firstScreen: preloaded }: Props) {
  const [version, setVersion] = useState(0);
  const keys = useMemo(() => cachedKeys(itemKeys(db)), [db, version]);
  const [filters, setFilters] = useState<FilterState>({ read: 'all', order: 'newest' });
  const typed = useRef('');
  const [matches, setMatches] = useState<Set<string>>();
  // The rows read before the first render are shown at once; they serve the plain list only, once.
  const [ids, setIds] = useState<string[]>(() => preloaded?.ids ?? []);
  const unused = useRef(preloaded);
  // False while only the first screen of ids is known: the count waits for the whole list.
  const [counted, setCounted] = useState(false);
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const opened = useOpenedItem(db, route.item, version);
  const [indexing, setIndexing] = useState<{ indexed: number; total: number; ready: boolean }>();
  const [message, setMessage] = useState('');
  const rows = useRef(new Map<string, Item>(preloaded?.items.map((item) => [item.id, item])));

  useEffect(() => search.onProgress((indexed, total, ready) => setIndexing({ indexed, total, ready })), [search]);

  const loadRows = useCallback(
    async (wanted: string[]) => {
      const missing = wanted.filter((id) => !rows.current.has(id));
      if (missing.length === 0) return false;
      const tx = db.transaction('items');
      const records = await Promise.all(missing.map((id) => tx.store.get(id)));
      records.forEach((record) => record && rows.current.set(record.id, fromRecord(record)));
      return true;
    },
    [db],
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

  // What the list shows was resolved for: an answer already shown is not resolved again by the effect below.
  const shown = useRef<{ queryKey: string; keys: ItemKeys; matches?: Set<string> }>();
  const show = (next: string[], state: { queryKey: string; keys: ItemKeys; matches?: Set<string> }) => {
    shown.current = state;
    setCounted(true);
    setIds(next);
  };
  const sameAsShown = (state: { queryKey: string; keys: ItemKeys; matches?: Set<string> }) =>
    shown.current?.queryKey === state.queryKey && shown.current.keys === state.keys && shown.current.matches === state.matches;

  // Search as the member types, from the keystroke itself (an effect would wait for a painted frame): the
  // worker answers, the list is resolved and shown at once; an overtaken answer is dropped.
  const searched = useRef(0);
  const answering = useRef(false);
  const runSearch = (text: string, state: { query: ItemQuery; queryKey: string; keys: ItemKeys }) => {
    typed.current = text;
    const seq = ++searched.current;
    if (!text.trim()) {
      setMatches(undefined);
      return;
    }
    void search.search(text.trim()).then(async (found) => {
      if (!found || seq !== searched.current) return;
      const next = await resolveQuery(state.query, state.keys, found);
      if (seq !== searched.current) return;
      answering.current = true;
      setMatches(found);
      show(next, { queryKey: state.queryKey, keys: state.keys, matches: found });
    });
  };
  useLayoutEffect(() => {
    if (!answering.current) return;
    answering.current = false;
    if (performance.getEntriesByName(SEARCH_INPUT).length === 0) return;
    performance.measure(SEARCH_ANSWERED, SEARCH_INPUT);
    requestAnimationFrame(() => performance.measure(SEARCH_PAINTED, SEARCH_INPUT));
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
    void Promise.all([first, firstPaint]).then(() => resolveQuery(query, keys, matches)).then((next) => {
      if (!current) return;
      complete = true;
      show(next, { queryKey, keys, matches });
      // The search index is built once the first list is on screen, so that it never delays it; the date
      // ranks that order a search's answer are made ready too, so the first keystroke does not pay for them.
      setTimeout(() => {
        search.start();
        void keys.dateRank?.(query.from, query.to);
      }, 0);
    });
    return () => {
      current = false;
    };
  }, [queryKey, matches, keys, search]);

  useEffect(() => setChecked(new Set()), [queryKey]);

  useEffect(
    () =>
      onEvent((event) => {
        if (event.event !== 'itemsChanged') return;
        if (event.ids) {
          for (const id of event.ids) rows.current.delete(id);
          search.update(event.ids);
        } else rows.current.clear();
        setVersion((v) => v + 1);
      }),
    [search],
  );

  const patch = async (targets: string[], change: ItemPatch) => {
    try {
      await request('updateItems', { ids: targets, patch: change });
    } catch (error) {
      setMessage(errorText(error));
    }
  };

  const open = (id: string) => {
    location.hash = formatRoute({ ...route, item: id });
    const row = rows.current.get(id);
    if (row && !row.read) void patch([id], { read: true });
  };

  const sourceTitles = useMemo(() => new Map(sources.map((source) => [source.id, source.title])), [sources]);
  const tagsById = useMemo(() => new Map(tags.map((tag) => [tag.id, tag])), [tags]);

  return (
    <div class="items-view">
      <section class="items-view__list" aria-labelledby="items-title">
        <h1 id="items-title" class="visually-hidden">
          {t('itemsHeading')}
        </h1>
        <Filters
          value={filters}
          onChange={setFilters}
          onSearch={(text) => runSearch(text, { query, queryKey, keys })}
          indexing={indexing}
        />
        <p class="count" aria-live="polite">
          {counted ? t('itemCount', [new Intl.NumberFormat(document.documentElement.lang).format(ids.length)]) : t('itemCounting')}
        </p>
        {checked.size > 0 && (
          <BulkBar
            count={checked.size}
            tags={tags}
            onPatch={(change) => void patch([...checked], change)}
            onAddTag={(tag) => void patch([...checked], { addTags: [tag] })}
            onClear={() => setChecked(new Set())}
          />
        )}
        <ItemList
          ids={ids}
          version={version}
          rows={rows.current}
          loadRows={loadRows}
          openedId={route.item}
          checked={checked}
          sourceTitles={sourceTitles}
          tagsById={tagsById}
          onOpen={open}
          onCheck={(id, on) => {
            const next = new Set(checked);
            if (on) next.add(id);
            else next.delete(id);
            setChecked(next);
          }}
          onPatch={(id, change) => void patch([id], change)}
        />
        <p class="status" role="status">
          {message}
        </p>
      </section>
      {opened && (
        <ReadingPane
          key={opened.id}
          item={opened}
          sourceTitle={sourceTitles.get(opened.sourceId)}
          tags={tags}
          onPatch={(change) => void patch([opened.id], change)}
          onClose={() => (location.hash = formatRoute({ ...route, item: undefined }))}
        />
      )}
    </div>
  );
}
