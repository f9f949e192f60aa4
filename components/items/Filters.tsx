import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n/browser';
import { IMPACTS, type Impact } from '@/lib/model/item';
import type { ReadFilter } from '@/lib/reader/query';

export const SEARCH_INPUT = 'vigie:search-input';
export const SEARCH_READY = 'vigie:search-ready';

export interface FilterState {
  read: ReadFilter;
  order: 'newest' | 'oldest';
  impact?: Impact;
  /** yyyy-mm-dd, as date inputs give them. */
  from?: string;
  to?: string;
}

/** The search index's state: built item by item, or ready (restored from where it was saved, or built). */
export interface Indexing {
  indexed: number;
  total: number;
  ready: boolean;
  origin?: 'restored' | 'built';
}

interface Props {
  value: FilterState;
  onChange: (next: FilterState) => void;
  /** The search box reports each keystroke here, not as a filter change: typing re-renders the list only once the answer is in. */
  onSearch: (text: string) => void;
  indexing?: Indexing;
}

/** Search and filters above the list; every control is labelled and works from the keyboard. */
export function Filters({ value, onChange, onSearch, indexing }: Props) {
  const [text, setText] = useState('');
  const set = (change: Partial<FilterState>) => onChange({ ...value, ...change });
  return (
    <form class="filters" role="search" data-search-ready={indexing?.ready ? 'true' : 'false'} data-search-origin={indexing?.origin} onSubmit={(event) => event.preventDefault()}>
      <label class="filters__search">
        <span>{t('searchLabel')}</span>
        <input
          type="search"
          value={text}
          placeholder={t('searchPlaceholder')}
          onInput={(event) => {
            // User Timing: from this keystroke to the list that answers it (see ItemsView).
            performance.mark(SEARCH_INPUT);
            setText(event.currentTarget.value);
            onSearch(event.currentTarget.value);
          }}
          accessKey="f"
        />
      </label>
      {indexing && !indexing.ready && (
        <span class="filters__indexing" role="status">
          {t('searchIndexing', [String(indexing.indexed), String(indexing.total)])}
        </span>
      )}
      <label>
        <span>{t('filterRead')}</span>
        <select value={value.read} onChange={(event) => set({ read: event.currentTarget.value as ReadFilter })}>
          <option value="all">{t('filterReadAll')}</option>
          <option value="unread">{t('filterReadUnread')}</option>
          <option value="read">{t('filterReadRead')}</option>
        </select>
      </label>
      <label>
        <span>{t('impactLabel')}</span>
        <select value={value.impact ?? ''} onChange={(event) => set({ impact: (event.currentTarget.value || undefined) as Impact | undefined })}>
          <option value="">{t('filterImpactAny')}</option>
          {IMPACTS.map((impact) => (
            <option value={impact}>{t(`impact_${impact}`)}</option>
          ))}
        </select>
      </label>
      {/* « Du » and « Au » are one period: grouped and named so (RGAA 11.5). */}
      <div class="filters__period" role="group" aria-label={t('filterPeriod')}>
        <label>
          <span>{t('filterFrom')}</span>
          <input type="date" value={value.from ?? ''} onInput={(event) => set({ from: event.currentTarget.value || undefined })} />
        </label>
        <label>
          <span>{t('filterTo')}</span>
          <input type="date" value={value.to ?? ''} onInput={(event) => set({ to: event.currentTarget.value || undefined })} />
        </label>
      </div>
      <label>
        <span>{t('filterOrder')}</span>
        <select value={value.order} onChange={(event) => set({ order: event.currentTarget.value as FilterState['order'] })}>
          <option value="newest">{t('orderNewest')}</option>
          <option value="oldest">{t('orderOldest')}</option>
        </select>
      </label>
    </form>
  );
}
