import { t } from '@/lib/i18n/browser';
import { dayLabel, isMinorChange, type TimelinePoint } from '@/lib/timeline';
import { countText } from '../ui/count';

/**
 * Every point of the chart in words, oldest first: the way in for screen readers and the keyboard. The title
 * is a button that opens the item, as a click on its point does.
 */
export function PointsTable({ id, points, language, categoryLabel, onOpen }: { id: string; points: readonly TimelinePoint[]; language: string; categoryLabel: (category?: string) => string; onOpen: (itemId: string) => void }) {
  return (
    // Focusable, so that the keyboard can scroll it sideways on a narrow screen (its content is two-dimensional).
    <div class="timeline-table-scroll" id={id} tabIndex={0} role="region" aria-labelledby={`${id}-caption`}>
      <table class="timeline-table timeline-points">
        <caption id={`${id}-caption`}>{countText('timelinePointsCaption', points.length)}</caption>
        <thead>
          <tr>
            <th scope="col">{t('timelineColumnDate')}</th>
            <th scope="col">{t('timelineColumnTitle')}</th>
            <th scope="col">{t('timelineColumnCategory')}</th>
            <th scope="col">{t('timelineColumnKind')}</th>
            <th scope="col">{t('timelineColumnImpact')}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((point) => (
            <tr key={point.itemId}>
              <td>
                <time dateTime={point.date}>{dayLabel(point.date, language)}</time>
              </td>
              <th scope="row">
                <button type="button" class="timeline-points__open" lang={point.title ? point.language : undefined} onClick={() => onOpen(point.itemId)}>
                  {point.title || t('timelineUntitled')}
                </button>
                {point.summary && <p class="timeline-points__summary">{point.summary}</p>}
              </th>
              <td>
                <span class="swatch" style={{ background: point.color ?? 'var(--muted)' }} aria-hidden="true" />
                {categoryLabel(point.category)}
              </td>
              <td>
                {t(`timelineKind_${point.kind}`)}
                {isMinorChange(point) && <span class="muted"> ({t(`timelineMinor_${point.significance!.replace(/-/g, '_')}`)})</span>}
              </td>
              <td>{point.impact ? t(`impact_${point.impact}`) : t('impactNone')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
