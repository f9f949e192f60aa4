import { useCallback, useMemo, useState } from 'preact/hooks';
import { t, uiLanguage } from '@/lib/i18n/browser';
import type { Item } from '@/lib/model/item';
import type { Source } from '@/lib/model/source';
import type { Tag } from '@/lib/model/tag';
import {
  countsByCategoryAndMonth,
  filterPoints,
  isMinorChange,
  NO_CATEGORY,
  sharedTags,
  type TimelineFilter,
  type TimelinePoint,
  TIMELINE_KINDS,
  timelinePoints,
  topCategories,
  topCategory,
} from '@/lib/timeline';
import { CountsTable } from './CountsTable';
import { PastEventForm } from './PastEventForm';
import { PointsTable } from './PointsTable';
import { type ChartLane, TimelineChart } from './TimelineChart';
import { type CategoryChoice, type FilterChoice, NO_FILTER, TimelineFilters } from './TimelineFilters';
import './timeline.css';

export interface TimelineViewProps {
  items: Item[];
  sources: Source[];
  tags: Tag[];
  onOpen: (itemId: string) => void;
  onAddEvent: (event: { date: string; title: string; category: string; url?: string }) => Promise<void>;
  /** The shipped history (curated events since 2004, OTA's recorded changes since 2022), as points. */
  history?: TimelinePoint[];
}

const DAY_MS = 24 * 3600 * 1000;
const dayOf = (time: number) => new Date(time).toISOString().slice(0, 10);

/**
 * Zoom and pan on the time axis, through the period filter (so that the chart, the counts and the table follow
 * together, and the date fields say where one is): `factor` < 1 zooms in around the middle, > 1 out; `shift`
 * moves by that share of the period shown.
 */
function moved(choice: FilterChoice, points: readonly TimelinePoint[], factor: number, shift: number): FilterChoice {
  const first = points[0]?.time ?? Date.now();
  const last = points[points.length - 1]?.time ?? Date.now();
  const from = choice.from ? Date.parse(`${choice.from}T00:00:00`) : first;
  const to = choice.to ? Date.parse(`${choice.to}T23:59:59`) : last;
  const span = Math.max(to - from, 7 * DAY_MS);
  const middle = from + span / 2 + shift * span;
  const next = Math.max(span * factor, 7 * DAY_MS);
  const start = Math.max(middle - next / 2, first - DAY_MS);
  const end = Math.min(start + next, last + DAY_MS);
  if (start <= first && end >= last) return { ...choice, from: '', to: '' };
  return { ...choice, from: dayOf(start), to: dayOf(end) };
}

/** The points' colour when they have no shared category: the page's muted text colour, light or dark. */
const NO_CATEGORY_COLOR = 'var(--muted)';
const POINTS_TABLE_ID = 'timeline-points-table';

function toFilter(choice: FilterChoice, categoryKeys: readonly string[]): TimelineFilter {
  return {
    ...(choice.hiddenCategories.length > 0 ? { categories: categoryKeys.filter((key) => !choice.hiddenCategories.includes(key)) } : {}),
    ...(choice.hiddenKinds.length > 0 ? { kinds: TIMELINE_KINDS.filter((kind) => !choice.hiddenKinds.includes(kind)) } : {}),
    ...(choice.from ? { from: choice.from } : {}),
    ...(choice.to ? { to: choice.to } : {}),
    ...(choice.minImpact ? { minImpact: choice.minImpact } : {}),
  };
}

/**
 * The Chronologie screen (the workshop's "diagnostic"): Meta's announcements, terms changes, monitored-page
 * changes and the past events added by hand, on a time axis; then the counts per category and month, the
 * same changes as a table, and the form to add a past event.
 */
export function TimelineView({ items, sources, tags, onOpen, onAddEvent, history = [] }: TimelineViewProps) {
  const language = uiLanguage();
  const labelOf = useCallback((tag: Tag) => tag.label[language === 'fr' ? 'fr' : 'en'], [language]);
  const [choice, setChoice] = useState<FilterChoice>(NO_FILTER);
  const [tableOpen, setTableOpen] = useState(false);
  const [showMinor, setShowMinor] = useState(false);

  const all = useMemo(() => [...timelinePoints(items, sources, tags), ...history].sort((a, b) => a.time - b.time), [items, sources, tags, history]);
  // Changes of links or formatting only, and OTA's technical commits, are kept but hidden unless asked for.
  const minorCount = useMemo(() => all.filter(isMinorChange).length, [all]);
  const points = useMemo(() => (showMinor ? all : all.filter((point) => !isMinorChange(point))), [all, showMinor]);
  const shared = useMemo(() => sharedTags(tags), [tags]);
  const tops = useMemo(() => topCategories(tags), [tags]);
  const categoryLabel = useCallback(
    (category?: string) => {
      const tag = category === undefined ? undefined : shared.get(category);
      return tag ? labelOf(tag) : t('timelineNoCategory');
    },
    [shared, labelOf],
  );
  const categoryChoices = useMemo<CategoryChoice[]>(
    () => [
      ...tops.map((tag) => ({ key: tag.id, label: labelOf(tag), color: tag.color })),
      { key: NO_CATEGORY, label: t('timelineNoCategory'), color: NO_CATEGORY_COLOR },
    ],
    [tops, labelOf],
  );
  // The form offers every shared category, each broader one followed by its narrower ones.
  const formCategories = useMemo(
    () => tops.flatMap((top) => [top, ...[...shared.values()].filter((tag) => tag.id !== top.id && topCategory(tag.id, shared) === top.id)]),
    [tops, shared],
  );

  const shown = useMemo(() => filterPoints(points, toFilter(choice, categoryChoices.map((category) => category.key))), [points, choice, categoryChoices]);
  // Over more than three years, the counts read by year.
  const unit = shown.length > 1 && shown[shown.length - 1]!.time - shown[0]!.time > 3 * 365 * DAY_MS ? 'year' : 'month';
  const counts = useMemo(() => countsByCategoryAndMonth(shown, language, tops.map((tag) => tag.id), { unit }), [shown, language, tops, unit]);
  const byDocument = useMemo(
    () => countsByCategoryAndMonth(shown.filter((point) => point.document), language, [], { unit: 'year', rowOf: (point) => point.document }),
    [shown, language],
  );
  // One row of the chart per category that has a change shown, in the order of the counts' rows.
  const lanes = useMemo<ChartLane[]>(
    () =>
      counts.rows.map((row) => {
        const tag = row.category === undefined ? undefined : shared.get(row.category);
        return { key: row.category ?? NO_CATEGORY, label: categoryLabel(row.category), color: tag?.color ?? '' };
      }),
    [counts, shared, categoryLabel],
  );
  const describe = useCallback(
    (point: TimelinePoint) => {
      const impact = point.impact ? t('timelineImpactIs', [t(`impact_${point.impact}`)]) : t('impactNone');
      const minor = isMinorChange(point) ? ` · ${t(`timelineMinor_${point.significance!.replace(/-/g, '_')}`)}` : '';
      return `${categoryLabel(point.category)} · ${t(`timelineKind_${point.kind}`)} · ${impact}${minor}`;
    },
    [categoryLabel],
  );
  // Without a chart, the table is the way to read the changes: it opens by itself (and can still be closed).
  const showChartFallback = useCallback(() => setTableOpen(true), []);

  return (
    <div class="timeline">
      <header class="timeline__header">
        <h1 class="timeline__heading">{t('timelineTitle')}</h1>
        <p class="timeline__intro">{t('timelineIntro')}</p>
        {history.length > 0 && <p class="timeline__credit">{t('historyCredit')}</p>}
      </header>
      <TimelineFilters choice={choice} categories={categoryChoices} onChange={setChoice} />
      <div class="timeline__zoom" role="group" aria-label={t('timelineZoomLabel')}>
        <button type="button" class="button button--quiet" onClick={() => setChoice(moved(choice, points, 1, -0.5))}>
          {t('timelineEarlier')}
        </button>
        <button type="button" class="button button--quiet" onClick={() => setChoice(moved(choice, points, 0.5, 0))}>
          {t('timelineZoomIn')}
        </button>
        <button type="button" class="button button--quiet" onClick={() => setChoice(moved(choice, points, 2, 0))}>
          {t('timelineZoomOut')}
        </button>
        <button type="button" class="button button--quiet" onClick={() => setChoice(moved(choice, points, 1, 0.5))}>
          {t('timelineLater')}
        </button>
        {/* aria-disabled once the whole history shows: a disabled button would drop focus to the page. */}
        <button type="button" class="button button--quiet" onClick={() => setChoice({ ...choice, from: '', to: '' })} aria-disabled={!choice.from && !choice.to}>
          {t('timelineWholeHistory')}
        </button>
        <label class="timeline__minor">
          <input type="checkbox" checked={showMinor} onChange={(event) => setShowMinor(event.currentTarget.checked)} />
          {t('timelineShowMinor', [String(minorCount)])}
        </label>
      </div>
      <p class="timeline__shown" role="status">
        {t('timelineShown', [String(shown.length), String(points.length)])}
      </p>

      <section class="timeline__section timeline__section--chart" aria-labelledby="timeline-chart-heading">
        <h2 id="timeline-chart-heading" class="timeline__subheading">
          {t('timelineChartHeading')}
        </h2>
        {shown.length === 0 ? (
          <p class="timeline__empty">{points.length === 0 ? t('timelineEmpty') : t('timelineNoMatch')}</p>
        ) : (
          <>
            <TimelineChart
              points={shown}
              lanes={lanes}
              language={language}
              describe={describe}
              onOpen={onOpen}
              onUnavailable={showChartFallback}
              describedBy="timeline-chart-hint"
            />
            <ImpactKey />
            <p id="timeline-chart-hint" class="timeline__hint">
              {t('timelineChartHint')}
            </p>
            <button
              type="button"
              class="button button--quiet timeline__table-toggle"
              aria-expanded={tableOpen}
              aria-controls={POINTS_TABLE_ID}
              onClick={() => setTableOpen(!tableOpen)}
            >
              {tableOpen ? t('timelineTableHide') : t('timelineTableShow')}
            </button>
            {tableOpen && <PointsTable id={POINTS_TABLE_ID} points={shown} language={language} categoryLabel={categoryLabel} onOpen={onOpen} />}
          </>
        )}
      </section>

      {shown.length > 0 && (
        <section class="timeline__section" aria-labelledby="timeline-counts-heading">
          <h2 id="timeline-counts-heading" class="timeline__subheading">
            {t(unit === 'year' ? 'timelineCountsHeadingYear' : 'timelineCountsHeading')}
          </h2>
          <CountsTable counts={counts} categoryLabel={categoryLabel} caption={t(unit === 'year' ? 'timelineCountsCaptionYear' : 'timelineCountsCaption')} />
        </section>
      )}

      {byDocument.total > 0 && (
        <section class="timeline__section" aria-labelledby="timeline-documents-heading">
          <h2 id="timeline-documents-heading" class="timeline__subheading">
            {t('timelineDocumentsHeading')}
          </h2>
          <CountsTable
            id="timeline-documents"
            counts={byDocument}
            categoryLabel={(document) => document ?? ''}
            caption={t('timelineDocumentsCaption')}
            rowHeading={t('timelineColumnDocument')}
          />
        </section>
      )}

      <section class="timeline__section">
        <PastEventForm categories={formCategories} labelOf={labelOf} onAdd={onAddEvent} />
      </section>
    </div>
  );
}

/** What the size and the mark of a point say: its impact, in words beside each mark. */
function ImpactKey() {
  return (
    <ul class="timeline-impact-key" aria-label={t('timelineImpactKeyLabel')}>
      {(['none', 'low', 'medium', 'high'] as const).map((impact) => (
        <li key={impact} class="timeline-impact-key__entry">
          <span class={`timeline-impact-key__mark timeline-impact-key__mark--${impact}`} aria-hidden="true" />
          {impact === 'none' ? t('impactNone') : t('timelineImpactIs', [t(`impact_${impact}`)])}
        </li>
      ))}
    </ul>
  );
}
