import { t } from '@/lib/i18n/browser';
import type { TimelineCounts } from '@/lib/timeline';

/** The counts under the chart, as a real table: categories in rows, months in columns, totals at the ends. */
export function CountsTable({
  counts,
  categoryLabel,
  id = 'timeline-counts',
  caption = t('timelineCountsCaption'),
  rowHeading = t('timelineColumnCategory'),
}: {
  counts: TimelineCounts;
  categoryLabel: (category?: string) => string;
  id?: string;
  caption?: string;
  rowHeading?: string;
}) {
  return (
    <div class="timeline-table-scroll" tabIndex={0} role="region" aria-labelledby={`${id}-caption`}>
      <table class="timeline-table timeline-counts">
        <caption id={`${id}-caption`}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHeading}</th>
            {counts.months.map((month) => (
              <th key={month.key} scope="col">
                {month.label}
              </th>
            ))}
            <th scope="col">{t('timelineTotal')}</th>
          </tr>
        </thead>
        <tbody>
          {counts.rows.map((row) => (
            <tr key={row.category ?? ''}>
              <th scope="row">{categoryLabel(row.category)}</th>
              {row.counts.map((count, index) => (
                <td key={counts.months[index]?.key ?? index}>{count === 0 ? '' : count}</td>
              ))}
              <td class="timeline-table__total">{row.total}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('timelineTotal')}</th>
            {counts.monthTotals.map((count, index) => (
              <td key={counts.months[index]?.key ?? index}>{count}</td>
            ))}
            <td class="timeline-table__total">{counts.total}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
