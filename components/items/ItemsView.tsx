import { useMemo, useState } from 'preact/hooks';
import { t } from '@/lib/i18n/browser';
import { request } from '@/lib/messages/client';
import type { Source } from '@/lib/model/source';
import type { Tag } from '@/lib/model/tag';
import { pageTitle, useDocumentTitle } from '../dashboard/page-title';
import { useConfirm } from '../ui/confirm';
import { countText } from '../ui/count';
import { Dialog } from '../ui/Dialog';
import { errorText } from '../ui/error-text';
import { focusSoon } from '../ui/focus';
import { StatusLine } from '../ui/StatusLine';
import { BulkBar } from './BulkBar';
import { Filters } from './Filters';
import { ItemList } from './ItemList';
import { ReadingPane } from './lazy-reading-pane';
import { returnFocusToRow } from './pane-focus';
import { useItemList, type ItemListOptions } from './use-item-list';

const DAY_MS = 24 * 3_600_000;

/** What the list's keys do, as the « ? » panel lists them; `key…` names a key in the member's language. */
const SHORTCUTS: [string[], string][] = [
  [['j', '↓'], 'shortcutNext'],
  [['k', '↑'], 'shortcutPrevious'],
  [['keyEnter', 'o'], 'shortcutOpen'],
  [['s'], 'shortcutStar'],
  [['m'], 'shortcutRead'],
  [['x'], 'shortcutCheck'],
  [['keyHome', 'keyEnd'], 'shortcutEnds'],
  [['?'], 'shortcutHelp'],
];

interface Props extends ItemListOptions {
  sources: Source[];
  tags: Tag[];
  /** The section's name (« Non lus », a source's title): the tab's title with an item open. */
  sectionName?: string;
}

/**
 * A list of items (a view of the navigation, filtered, searched) with a reading pane. Ids come from the
 * store's indexes; records are read only for the rows on screen and the item opened (see use-item-list.ts).
 */
export function ItemsView({ sources, tags, sectionName, ...options }: Props) {
  const list = useItemList(options);
  const { ids, opened } = list;
  // What is checked and still in the list: an item that left it (read in « Non lus ») is no longer counted.
  // The list's ids are looked through only when something is checked (50,000 ids at each search answer else).
  const checked = useMemo(() => {
    if (list.checked.size === 0) return list.checked;
    const shown = new Set(ids);
    return new Set([...list.checked].filter((id) => shown.has(id)));
  }, [list.checked, ids]);
  useDocumentTitle(opened ? pageTitle(opened.title || t('untitled'), sectionName) : undefined);
  const [help, setHelp] = useState(false);
  const { dialog, ask } = useConfirm();

  /** « Tout marquer comme lu » for what arrived more than a day ago: today's news stays to read. */
  const markOlderRead = async () => {
    if (!(await ask(t('markOlderReadConfirm'), { yes: t('markOlderReadYes') }))) return;
    try {
      const { updated } = await request('markReadBefore', { before: new Date(Date.now() - DAY_MS).toISOString() });
      list.say(countText('markedOlderRead', updated));
    } catch (error) {
      list.sayProblem(errorText(error));
    }
  };

  const sourceTitles = useMemo(() => new Map(sources.map((source) => [source.id, source.title])), [sources]);
  const sourceLanguages = useMemo(() => new Map(sources.map((source) => [source.id, source.language])), [sources]);
  const tagsById = useMemo(() => new Map(tags.map((tag) => [tag.id, tag])), [tags]);

  return (
    <div class={opened ? 'items-view items-view--opened' : 'items-view'}>
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
        <div class="items-view__bar">
          <p class="count" role="status">
            {list.counted ? countText('itemCount', ids.length) : t('itemCounting')}
          </p>
          <button type="button" class="button button--small button--quiet" onClick={() => void markOlderRead()}>
            {t('markOlderRead')}
          </button>
          <button type="button" class="button button--small button--quiet" aria-haspopup="dialog" onClick={() => setHelp(true)}>
            {t('shortcutsButton')}
          </button>
        </div>
        <Dialog open={help} title={t('shortcutsTitle')} onClose={() => setHelp(false)}>
          <dl class="shortcuts">
            {SHORTCUTS.map(([keys, what]) => (
              <div key={what}>
                <dt>
                  {keys.map((key, index) => (
                    <>
                      {index > 0 && ' '}
                      <kbd>{key.startsWith('key') ? t(key) : key}</kbd>
                    </>
                  ))}
                </dt>
                <dd>{t(what)}</dd>
              </div>
            ))}
          </dl>
          <div class="dialog__actions">
            <button type="button" class="button" onClick={() => setHelp(false)}>
              {t('close')}
            </button>
          </div>
        </Dialog>
        {dialog}
        <p class="visually-hidden" role="status">
          {checked.size > 0 ? countText('bulkCount', checked.size) : ''}
        </p>
        {checked.size > 0 && (
          <BulkBar
            count={checked.size}
            tags={tags}
            onPatch={(change) => list.patch([...checked], change)}
            onAddTag={(tag) => list.patch([...checked], { addTags: [tag] })}
            onClear={() => {
              list.clearChecked();
              // The bar and its button go: focus goes back to the list's row (RGAA 12.8), not to the page.
              focusSoon(() => document.querySelector<HTMLElement>('.item-list .item-row__title[tabindex="0"]') ?? document.querySelector<HTMLElement>('.item-list'));
            }}
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
          sourceLanguages={sourceLanguages}
          tagsById={tagsById}
          onOpen={list.open}
          onCheck={list.check}
          onPatch={(id, change) => list.patch([id], change)}
          onHelp={() => setHelp(true)}
          highlight={list.highlight}
          busy={!list.counted}
        />
        <StatusLine said={list.said} base="status" />
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
          sourceLanguage={sourceLanguages.get(opened.sourceId)}
          tags={tags}
          onPatch={(change) => list.patch([opened.id], change)}
          onClose={() => {
            list.close();
            returnFocusToRow(opened.id);
          }}
        />
      )}
    </div>
  );
}
