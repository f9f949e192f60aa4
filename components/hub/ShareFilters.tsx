import { SHARE_VIEWS, type ShareFilter } from '@/lib/hub/share-filter';
import { t, uiLanguage } from '@/lib/i18n/browser';
import type { Tag } from '@/lib/model/tag';

/** The COPIL section's filters: words, one tag of those the shares carry, and which shares. */
export function ShareFilters({ filter, onChange, tags, usedTags }: { filter: ShareFilter; onChange: (filter: ShareFilter) => void; tags: Tag[]; usedTags: string[] }) {
  const language = uiLanguage() === 'fr' ? 'fr' : 'en';
  const label = (id: string) => tags.find((tag) => tag.id === id)?.label[language] ?? id;
  return (
    <div class="filters share-filters" role="search">
      <label>
        {t('copilFilterText')}
        <input type="search" value={filter.text} onInput={(e) => onChange({ ...filter, text: e.currentTarget.value })} />
      </label>
      <label>
        {t('copilFilterTag')}
        <select value={filter.tag} onChange={(e) => onChange({ ...filter, tag: e.currentTarget.value })}>
          <option value="">{t('copilFilterAnyTag')}</option>
          {[...usedTags].sort((a, b) => label(a).localeCompare(label(b), language)).map((id) => (
            <option key={id} value={id}>
              {label(id)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('copilFilterView')}
        <select value={filter.view} onChange={(e) => onChange({ ...filter, view: e.currentTarget.value as ShareFilter['view'] })}>
          {SHARE_VIEWS.map((view) => (
            <option key={view} value={view}>
              {t(`copilView_${view}`)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
