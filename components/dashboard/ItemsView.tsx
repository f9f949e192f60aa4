import type { IDBPDatabase } from 'idb';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n/browser';
import { onEvent, request, RequestError } from '@/lib/messages/client';
import type { Item, ItemPatch } from '@/lib/model/item';
import type { Source } from '@/lib/model/source';
import type { Tag } from '@/lib/model/tag';
import { itemKeys } from '@/lib/reader/item-keys';
import { cachedKeys, DEFAULT_QUERY, firstScreen, resolveQuery, type ItemQuery } from '@/lib/reader/query';
import { formatRoute, type Route } from '@/lib/reader/route';
import type { SearchClient } from '@/lib/reader/search-client';
import type { VigieSchema } from '@/lib/store/schema';
import { fromRecord } from '@/lib/store/store';
import { BulkBar } from './BulkBar';
import { Filters, SEARCH_INPUT, type FilterState } from './Filters';

const SEARCH_ANSWERED = 'vigie:search-answered';
/** Rows read for the first screen: more than a tall window shows. */
const FIRST_SCREEN = 40;
import { ItemList } from './ItemList';
import { ReadingPane } from './ReadingPane';

type ItemsRoute = Extract<Route, { section: 'items' }>;

interface Props {
  db: IDBPDatabase<VigieSchema>;
  search: SearchClient;
  route: ItemsRoute;
  sources: Source[];
  tags: Tag[];
}

/**
 * A list of items (a view of the navigation, filtered, searched) with a reading pane. Ids come from the
 * store's indexes; records are read only for the rows on screen and the item opened.
 */
export function ItemsView({ db, search, route, sources, tags }: Props) {
  const [version, setVersion] = useState(0);
  const keys = useMemo(() => cachedKeys(itemKeys(db)), [db, version]);
  const [filters, setFilters] = useState<FilterState>({ read: 'all', order: 'newest', text: '' });
  const [matches, setMatches] = useState<Set<string>>();
  const [ids, setIds] = useState<string[]>([]);
  // False while only the first screen of ids is known: the count waits for the whole list.
  const [counted, setCounted] = useState(false);
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [opened, setOpened] = useState<Item>();
  const [indexing, setIndexing] = useState<{ indexed: number; total: number; ready: boolean }>();
  const [message, setMessage] = useState('');
  const rows = useRef(new Map<string, Item>());

  useEffect(() => search.onProgress((indexed, total, ready) => setIndexing({ indexed, total, ready })), [search]);

  // Search as the member types: the worker answers each keystroke; an overtaken answer is dropped.
  useEffect(() => {
    const text = filters.text.trim();
    if (!text) {
      setMatches(undefined);
      return;
    }
    void search.search(text).then((found) => found && setMatches(found));
  }, [filters.text, search, version]);

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

  useEffect(() => {
    let current = true;
    let complete = false;
    setCounted(false);
    // The first screen paints from the end of the date index; then every id of the list loads (after it, so
    // that the big read does not queue in front of the small one).
    const first = firstScreen(query, keys, matches, FIRST_SCREEN)?.then(async (ids) => {
      // Its rows are read now too, before the big read of all ids can queue in front of them.
      await loadRows(ids);
      if (current && !complete) setIds(ids);
    });
    void Promise.resolve(first).then(() => resolveQuery(query, keys, matches)).then((next) => {
      if (!current) return;
      complete = true;
      setCounted(true);
      setIds(next);
      if (matches && performance.getEntriesByName(SEARCH_INPUT).length > 0) {
        // Once painted: how long the latest keystroke took to answer (read by the benchmark).
        requestAnimationFrame(() => performance.measure(SEARCH_ANSWERED, SEARCH_INPUT));
      }
      // The search index is built once the first list is on screen, so that it never delays it.
      setTimeout(() => search.start(), 0);
    });
    return () => {
      current = false;
    };
  }, [queryKey, matches, keys, search]);

  useEffect(() => setChecked(new Set()), [queryKey]);

  // The opened item follows the address (?item=…), so that a link or a notification can open it.
  useEffect(() => {
    if (!route.item) {
      setOpened(undefined);
      return;
    }
    void db.get('items', route.item).then((record) => setOpened(record ? fromRecord(record) : undefined));
  }, [route.item, db, version]);

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
      setMessage(error instanceof RequestError ? error.message : String(error));
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
        <Filters value={filters} onChange={setFilters} indexing={indexing} />
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
