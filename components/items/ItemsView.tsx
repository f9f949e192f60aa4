import { useMemo } from 'preact/hooks';
import { t } from '@/lib/i18n/browser';
import type { Source } from '@/lib/model/source';
import type { Tag } from '@/lib/model/tag';
import { countText } from '../ui/count';
import { BulkBar } from './BulkBar';
import { Filters } from './Filters';
import { ItemList } from './ItemList';
import { ReadingPane } from './lazy-reading-pane';
import { useItemList, type ItemListOptions } from './use-item-list';

interface Props extends ItemListOptions {
  sources: Source[];
  tags: Tag[];
}

/**
 * A list of items (a view of the navigation, filtered, searched) with a reading pane. Ids come from the
 * store's indexes; records are read only for the rows on screen and the item opened (see use-item-list.ts).
 */
export function ItemsView({ sources, tags, ...options }: Props) {
  const list = useItemList(options);
  const { ids, checked, opened } = list;

  const sourceTitles = useMemo(() => new Map(sources.map((source) => [source.id, source.title])), [sources]);
  const tagsById = useMemo(() => new Map(tags.map((tag) => [tag.id, tag])), [tags]);

  return (
    <div class="items-view">
      <section class="items-view__list" aria-labelledby="items-title">
        <h1 id="items-title" class="visually-hidden">
          {t('itemsHeading')}
        </h1>
        <Filters
          value={list.filters}
          onChange={list.setFilters}
          onSearch={list.onSearch}
          indexing={list.indexing}
        />
        <p class="count" aria-live="polite">
          {list.counted ? countText('itemCount', ids.length) : t('itemCounting')}
        </p>
        {checked.size > 0 && (
          <BulkBar
            count={checked.size}
            tags={tags}
            onPatch={(change) => list.patch([...checked], change)}
            onAddTag={(tag) => list.patch([...checked], { addTags: [tag] })}
            onClear={list.clearChecked}
          />
        )}
        <ItemList
          ids={ids}
          version={list.version}
          rows={list.rows}
          loadRows={list.loadRows}
          openedId={options.route.item}
          checked={checked}
          sourceTitles={sourceTitles}
          tagsById={tagsById}
          onOpen={list.open}
          onCheck={list.check}
          onPatch={(id, change) => list.patch([id], change)}
        />
        <p class="status" role="status">
          {list.message}
        </p>
      </section>
      {!opened && (
        <aside class="reading-pane reading-pane--empty" aria-label={t('paneEmptyLabel')}>
          <p>{t('paneEmpty')}</p>
        </aside>
      )}
      {opened && (
        <ReadingPane
          key={opened.id}
          item={opened}
          sourceTitle={sourceTitles.get(opened.sourceId)}
          tags={tags}
          onPatch={(change) => list.patch([opened.id], change)}
          onClose={list.close}
        />
      )}
    </div>
  );
}
