import { t, uiLanguage } from '@/lib/i18n/browser';
import { fullDate, relativeTime } from '@/lib/i18n/dates';
import type { Summary } from '@/lib/messages/protocol';

type SummaryItem = Summary['latest'][number];

/** Titles come from feeds: Preact renders them as text, and only http(s) URLs become links. */
export function ItemList({ items, onOpen }: { items: SummaryItem[]; onOpen: (id: string) => void }) {
  if (items.length === 0) return <p class="empty">{t('noItemsYet')}</p>;
  const language = uiLanguage();
  return (
    <ul class="items">
      {items.map((item) => (
        <li key={item.id} class={item.read ? 'item item--read' : 'item'}>
          {item.url ? (
            <a class="item__title" href={item.url} target="_blank" rel="noopener noreferrer" onClick={() => onOpen(item.id)}>
              {item.title || t('untitled')}
            </a>
          ) : (
            <span class="item__title">{item.title || t('untitled')}</span>
          )}
          <span class="item__meta">
            {item.sourceTitle}
            {' · '}
            {item.date ? (
              <time dateTime={item.date} title={fullDate(item.date, language)}>
                {relativeTime(item.date, language)}
              </time>
            ) : (
              t('unknownDate')
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}
