import { memo } from 'preact/compat';
import { t, uiLanguage } from '@/lib/i18n/browser';
import { fullDate, relativeTime } from '@/lib/i18n/dates';
import type { Item, ItemPatch } from '@/lib/model/item';
import type { Tag } from '@/lib/model/tag';
import { highlightParts } from '@/lib/reader/highlight';
import { contentLanguage } from '@/lib/reader/language';
import { TagChip } from '../tags/TagChip';
import { ROW_TIMING } from '../ui/first-render';

interface Props {
  id: string;
  item?: Item;
  top: number;
  height: number;
  active: boolean;
  /** The active row's controls are the list's tab stops; the other rows' are reached with ↑/↓ (roving focus). */
  tabbable: boolean;
  /** How many items the list holds: said on each row, since only those on screen exist (aria-setsize). */
  setSize: number;
  opened: boolean;
  checked: boolean;
  sourceTitle: string;
  sourceLanguage?: string;
  tagsById: Map<string, Tag>;
  /** The words searched: marked in the title. */
  highlight: string;
  index: number;
  onOpen: (id: string, index: number) => void;
  onCheck: (id: string, checked: boolean) => void;
  onPatch: (id: string, patch: ItemPatch) => void;
}

/**
 * One line of the list: check box, star, title (opens the item), source, date, tags, impact. Memoised: the
 * list re-renders on every answer of the search, and rows whose item did not change are left as they are.
 */
export const ItemRow = memo(function ItemRow({ id, index, item, top, height, active, tabbable, setSize, opened, checked, sourceTitle, sourceLanguage, tagsById, highlight, onOpen, onCheck, onPatch }: Props) {
  // A change of links or formatting only, or OTA's technical commit: kept in the list, greyed, and said.
  const minor = item?.change?.significance === 'links-only' || item?.change?.significance === 'technical' ? item.change.significance : undefined;
  const classes = ['item-row', item?.read ? 'item-row--read' : '', minor ? 'item-row--minor' : '', active ? 'item-row--active' : '', opened ? 'item-row--opened' : ''];
  const style = { transform: `translateY(${top}px)`, height: `${height}px` };
  if (!item) return <li class="item-row item-row--loading" style={style} aria-hidden="true" data-index={index} />;
  const tabIndex = tabbable ? 0 : -1;
  const language = uiLanguage();
  const title = item.title || t('untitled');
  return (
    <li class={classes.join(' ')} style={style} data-item-id={id} data-index={index} aria-setsize={setSize} aria-posinset={index + 1}>
      <input
        type="checkbox"
        class="item-row__check"
        tabIndex={tabIndex}
        checked={checked}
        onChange={(event) => onCheck(id, event.currentTarget.checked)}
        aria-label={t('selectItem', [title])}
      />
      <button
        type="button"
        class={item.starred ? 'star star--on' : 'star'}
        tabIndex={tabIndex}
        aria-pressed={item.starred}
        aria-label={t('starItemNamed', [title])}
        title={t('starItem')}
        onClick={() => onPatch(id, { starred: !item.starred })}
      >
        {item.starred ? '★' : '☆'}
      </button>
      <div class="item-row__body">
        <button
          type="button"
          class="item-row__title"
          {...ROW_TIMING}
          tabIndex={tabIndex}
          lang={contentLanguage(item.language, sourceLanguage)}
          onClick={() => onOpen(id, index)}
          aria-current={opened ? 'true' : undefined}
        >
          {highlight ? highlightParts(title, highlight).map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : part.text)) : title}
        </button>
        <span class="item-row__meta">
          {/* Unread is told by a mark and in words, not by the bold title alone (RGAA 10.2, 10.9). */}
          {!item.read && (
            <span class="item-row__unread">
              <span aria-hidden="true">● </span>
              <span class="visually-hidden">{t('itemUnread')}, </span>
            </span>
          )}
          {item.clip ? t('clipLabel') : sourceTitle}
          {' · '}
          {item.published ? (
            <time dateTime={item.published} title={fullDate(item.published, language)}>
              {relativeTime(item.published, language)}
            </time>
          ) : (
            // No readable date in the feed: the list orders it by when Vigie first saw it, said on hover.
            <span title={t('seenOn', [fullDate(item.fetched, language)])}>{t('unknownDate')}</span>
          )}
          {minor && <span class="item-row__minor"> · {t(`timelineMinor_${minor.replace(/-/g, '_')}`)}</span>}
          {item.impact && <span class={`impact impact--${item.impact}`}>{t(`impact_${item.impact}`)}</span>}
          {item.tags.map((tag) => (
            <TagChip key={tag} tag={tagsById.get(tag)} id={tag} />
          ))}
        </span>
      </div>
    </li>
  );
});
