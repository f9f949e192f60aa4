import { t } from '@/lib/i18n/browser';
import { IMPACTS, type Impact } from '@/lib/model/item';
import { NO_CATEGORY, TIMELINE_KINDS, type TimelineKind } from '@/lib/timeline';

/** What the member chose: the categories and kinds they unchecked (so a new category shows by default), the days, the impact. */
export interface FilterChoice {
  hiddenCategories: readonly string[];
  hiddenKinds: readonly TimelineKind[];
  from: string;
  to: string;
  minImpact: Impact | '';
}

export const NO_FILTER: FilterChoice = { hiddenCategories: [], hiddenKinds: [], from: '', to: '', minImpact: '' };

export interface CategoryChoice {
  /** A top-level category id, or NO_CATEGORY. */
  key: string;
  label: string;
  color: string;
}

const toggled = <T,>(list: readonly T[], value: T, hidden: boolean): T[] => (hidden ? [...list, value] : list.filter((entry) => entry !== value));

/** The filters above the chart; each category says its name beside its colour, never the colour alone. */
export function TimelineFilters({ choice, categories, onChange }: { choice: FilterChoice; categories: readonly CategoryChoice[]; onChange: (choice: FilterChoice) => void }) {
  const set = (patch: Partial<FilterChoice>) => onChange({ ...choice, ...patch });
  return (
    <form class="timeline-filters" aria-label={t('timelineFiltersLabel')} onSubmit={(event) => event.preventDefault()}>
      <fieldset class="timeline-filters__group timeline-filters__categories">
        <legend>{t('timelineCategoriesLegend')}</legend>
        {categories.map((category) => (
          <label key={category.key} class="timeline-filters__choice">
            <input
              type="checkbox"
              checked={!choice.hiddenCategories.includes(category.key)}
              onChange={(event) => set({ hiddenCategories: toggled(choice.hiddenCategories, category.key, !event.currentTarget.checked) })}
            />
            <span class={`swatch${category.key === NO_CATEGORY ? ' timeline-swatch--none' : ''}`} style={{ background: category.color }} aria-hidden="true" />
            {category.label}
          </label>
        ))}
      </fieldset>
      <fieldset class="timeline-filters__group">
        <legend>{t('timelineKindsLegend')}</legend>
        {TIMELINE_KINDS.map((kind) => (
          <label key={kind} class="timeline-filters__choice">
            <input type="checkbox" checked={!choice.hiddenKinds.includes(kind)} onChange={(event) => set({ hiddenKinds: toggled(choice.hiddenKinds, kind, !event.currentTarget.checked) })} />
            {t(`timelineKind_${kind}`)}
          </label>
        ))}
      </fieldset>
      <fieldset class="timeline-filters__group timeline-filters__row">
        <legend>{t('timelinePeriodLegend')}</legend>
        <label class="timeline-field">
          {t('timelineFrom')}
          <input type="date" value={choice.from} max={choice.to || undefined} onChange={(event) => set({ from: event.currentTarget.value })} />
        </label>
        <label class="timeline-field">
          {t('timelineTo')}
          <input type="date" value={choice.to} min={choice.from || undefined} onChange={(event) => set({ to: event.currentTarget.value })} />
        </label>
        <label class="timeline-field">
          {t('timelineMinImpact')}
          <select value={choice.minImpact} onChange={(event) => set({ minImpact: event.currentTarget.value as Impact | '' })}>
            <option value="">{t('timelineImpactAny')}</option>
            {IMPACTS.map((impact) => (
              <option key={impact} value={impact}>
                {t('timelineImpactAtLeast', [t(`impact_${impact}`)])}
              </option>
            ))}
          </select>
        </label>
        <button type="button" class="button button--quiet" onClick={() => onChange(NO_FILTER)}>
          {t('timelineResetFilters')}
        </button>
      </fieldset>
    </form>
  );
}
