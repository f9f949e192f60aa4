import type { TimelinePoint } from './points';

/**
 * The counts under the chart: how many changes per category and per month. Only the months that have a change
 * get a column, so that a history reaching back to 2004 stays a table one can read. Each point counts once,
 * under the category it is coloured by, so the columns add up to what the chart shows.
 */
export interface MonthColumn {
  /** "2024-03". */
  key: string;
  /** "mars 2024", in the member's language. */
  label: string;
}

export interface CategoryRow {
  /** The top-level shared category; absent for the changes without one. */
  category?: string;
  /** One count per month column. */
  counts: number[];
  total: number;
}

export interface TimelineCounts {
  months: MonthColumn[];
  rows: CategoryRow[];
  monthTotals: number[];
  total: number;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** The month of an instant, in the member's time zone (the one the chart's axis shows). */
export function monthKey(time: number): string {
  const date = new Date(time);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}`;
}

const monthFormats = new Map<string, Intl.DateTimeFormat>();

/** "2024-03" → "mars 2024" (French), "Mar 2024" (English). */
export function monthLabel(key: string, language: string): string {
  let format = monthFormats.get(language);
  if (!format) monthFormats.set(language, (format = new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric' })));
  const [year, month] = key.split('-').map(Number);
  return format.format(new Date(year ?? 1970, (month ?? 1) - 1, 1));
}

/**
 * Rows follow `order` (the taxonomy's order of categories) when given, the largest first otherwise; the
 * changes without a category come last.
 */
export interface CountsOptions {
  /** Columns per month (the default) or per year: a history reaching back to 2004 reads by year. */
  unit?: 'month' | 'year';
  /** What a point's row is: its category by default; its document for the density per document. */
  rowOf?: (point: TimelinePoint) => string | undefined;
}

export function countsByCategoryAndMonth(points: readonly TimelinePoint[], language: string, order: readonly string[] = [], options: CountsOptions = {}): TimelineCounts {
  const keyOf = options.unit === 'year' ? (time: number) => String(new Date(time).getFullYear()) : monthKey;
  const rowOf = options.rowOf ?? ((point: TimelinePoint) => point.category);
  const keys = [...new Set(points.map((point) => keyOf(point.time)))].sort();
  const column = new Map(keys.map((key, index) => [key, index]));
  const byCategory = new Map<string | undefined, CategoryRow>();
  const monthTotals = keys.map(() => 0);
  for (const point of points) {
    const key = rowOf(point);
    let row = byCategory.get(key);
    if (!row) byCategory.set(key, (row = { ...(key ? { category: key } : {}), counts: keys.map(() => 0), total: 0 }));
    const index = column.get(keyOf(point.time)) ?? 0;
    row.counts[index] = (row.counts[index] ?? 0) + 1;
    row.total += 1;
    monthTotals[index] = (monthTotals[index] ?? 0) + 1;
  }
  const place = (row: CategoryRow) => {
    if (row.category === undefined) return Number.MAX_SAFE_INTEGER;
    const index = order.indexOf(row.category);
    return index === -1 ? order.length : index;
  };
  const rows = [...byCategory.values()].sort(
    (a, b) => place(a) - place(b) || b.total - a.total || (a.category ?? '').localeCompare(b.category ?? ''),
  );
  return { months: keys.map((key) => ({ key, label: options.unit === 'year' ? key : monthLabel(key, language) })), rows, monthTotals, total: points.length };
}
