import { useState } from 'preact/hooks';
import { t, uiLanguage } from '@/lib/i18n/browser';
import { fullDate, relativeTime } from '@/lib/i18n/dates';
import type { Summary } from '@/lib/messages/protocol';
import type { ItemPatch } from '@/lib/model/item';
import type { Tag } from '@/lib/model/tag';
import { createPersonalTag } from '../tags/create-tag';
import { TagChip } from '../tags/TagChip';
import { TagPicker } from '../tags/TagPicker';
import { ROW_TIMING } from '../ui/first-render';
import { focusSoon } from '../ui/focus';

type SummaryItem = Summary['latest'][number];

interface Props {
  items: SummaryItem[];
  /** What the list says when it has no item (the popup knows why). */
  empty: string;
  tags: Tag[];
  onOpen: (id: string) => void;
  onPatch: (id: string, patch: ItemPatch) => void;
  /** Given once a hub is connected: "Partager" sends the item to the COPIL. */
  onShare?: (id: string) => void;
}

/**
 * The latest items: title (opens the article), source, date, tags; star, read, tag and share right there.
 * Titles come from feeds: Preact renders them as text, and only http(s) URLs become links.
 */
export function NewsList({ items, empty, tags, onOpen, onPatch, onShare }: Props) {
  const [tagging, setTagging] = useState<string>();
  if (items.length === 0) return <p class="empty">{empty}</p>;
  const language = uiLanguage();
  const byId = new Map(tags.map((tag) => [tag.id, tag]));
  return (
    <ul class="items">
      {items.map((item) => {
        const title = item.title || t('untitled');
        return (
          <li key={item.id} class={item.read ? 'item item--read' : 'item'}>
            {item.url ? (
              <a class="item__title" {...ROW_TIMING} lang={item.language} href={item.url} target="_blank" rel="noopener noreferrer" onClick={() => onOpen(item.id)}>
                {title}
              </a>
            ) : (
              <span class="item__title" {...ROW_TIMING} lang={item.language}>
                {title}
              </span>
            )}
            <span class="item__meta">
              {!item.read && (
                <span class="item__unread">
                  <span aria-hidden="true">● </span>
                  <span class="visually-hidden">{t('itemUnread')}, </span>
                </span>
              )}
              {item.sourceTitle || (item.clip ? t('clipLabel') : '')}
              {' · '}
              {item.date ? (
                <time dateTime={item.date} title={fullDate(item.date, language)}>
                  {relativeTime(item.date, language)}
                </time>
              ) : (
                t('unknownDate')
              )}
            </span>
            {item.tags.length > 0 && (
              <span class="item__tags">
                {item.tags.map((tag) => (
                  <TagChip key={tag} id={tag} tag={byId.get(tag)} />
                ))}
              </span>
            )}
            <span class="item__actions">
              <button type="button" class="link-button" aria-pressed={item.starred} onClick={() => onPatch(item.id, { starred: !item.starred })} aria-label={t('starItemNamed', [title])}>
                {/* The same word whether on or off (the name holds what is shown, RGAA 7.1); aria-pressed says which. */}
                {item.starred ? `★ ${t('starItem')}` : `☆ ${t('starItem')}`}
              </button>
              <button type="button" class="link-button" onClick={() => onPatch(item.id, { read: !item.read })} aria-label={`${item.read ? t('markUnread') : t('markRead')} : ${title}`}>
                {item.read ? t('markUnread') : t('markRead')}
              </button>
              <button type="button" class="link-button" data-tag-button={item.id} aria-expanded={tagging === item.id} onClick={() => setTagging(tagging === item.id ? undefined : item.id)} aria-label={`${t('addTag')} : ${title}`}>
                {t('addTag')}
              </button>
              {onShare && (
                <button type="button" class="link-button" onClick={() => onShare(item.id)} aria-label={`${t('shareWithCopil')} : ${title}`}>
                  {t('shareShort')}
                </button>
              )}
            </span>
            {tagging === item.id && (
              <TagPicker
                tags={tags}
                exclude={item.tags}
                label={t('addTag')}
                onPick={(tag) => {
                  onPatch(item.id, { addTags: [tag.id] });
                  setTagging(undefined);
                  // The field goes: focus back to the button that opened it (RGAA 12.8).
                  focusSoon(() => document.querySelector<HTMLElement>(`[data-tag-button="${CSS.escape(item.id)}"]`));
                }}
                onCreate={createPersonalTag}
              />
            )}
          </li>
        );
      })}
    </ul>
  );
}
