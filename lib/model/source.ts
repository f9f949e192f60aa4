import * as z from 'zod/mini';
import { FeedErrorSchema } from './feed-error';

/** What a source is read as. `page` is a watched web page (the policy-watch issue adds monitors on it). */
export const SOURCE_KINDS = ['rss', 'atom', 'rdf', 'jsonfeed', 'page'] as const;
export const SourceKindSchema = z.enum(SOURCE_KINDS);
export type SourceKind = z.infer<typeof SourceKindSchema>;

/** Where a source comes from: the shipped "Veille Meta" pack, the user, or (later) the COPIL hub. */
export const SourceOriginSchema = z.enum(['curated', 'user', 'hub']);

/** The browsers' alarms do not fire more often than once a minute. */
export const MIN_INTERVAL_MINUTES = 1;
export const DEFAULT_INTERVAL_MINUTES = 30;

/**
 * An absolute http(s) URL, as the browser's own URL parser reads it. (zod's `z.url` would need its table of
 * regular expressions, which would weigh on the popup's size budget for no better check.)
 */
export const HttpUrlSchema = z.string().check(
  z.refine((value) => {
    try {
      const { protocol, hostname } = new URL(value);
      return (protocol === 'http:' || protocol === 'https:') && hostname !== '';
    } catch {
      return false;
    }
  }, 'not an http(s) URL'),
);

/** "2026-11-28T08:00:00Z", "2026-11-28T09:00:00.000+01:00": a full date, time and offset, and a real moment. */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * An ISO 8601 date-time with its offset. Checked with a regular expression and the browser's date parser
 * rather than zod's `z.iso.datetime`, which weighs 3 kB in the background's budgeted bundle for the same test.
 */
export const IsoDateSchema = z.string().check(z.refine((value) => ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)), 'not a valid ISO date'));

export const SourceHealthSchema = z.object({
  lastFetch: z.optional(IsoDateSchema),
  lastSuccess: z.optional(IsoDateSchema),
  consecutiveFailures: z.int().check(z.nonnegative()),
  lastError: z.optional(FeedErrorSchema),
  /** Validators echoed back on the next fetch so that an unchanged feed costs a 304 and no parse. */
  etag: z.optional(z.string()),
  lastModified: z.optional(z.string()),
});
export type SourceHealth = z.infer<typeof SourceHealthSchema>;

/**
 * How a page monitor (kind `page`) is read: the parts to keep and to drop, as CSS selectors (the shape of an
 * Open Terms Archive declaration's `select` / `remove`, so one can be imported as is), and how many versions
 * of its text are kept.
 */
/**
 * A stretch of a page between two elements, as Open Terms Archive declares it: it starts just before or just
 * after the first element a CSS selector finds, and ends just before or just after another's.
 */
export const RangeSelectorSchema = z.union([
  z.object({ startBefore: z.string().check(z.minLength(1)), endBefore: z.string().check(z.minLength(1)) }),
  z.object({ startBefore: z.string().check(z.minLength(1)), endAfter: z.string().check(z.minLength(1)) }),
  z.object({ startAfter: z.string().check(z.minLength(1)), endBefore: z.string().check(z.minLength(1)) }),
  z.object({ startAfter: z.string().check(z.minLength(1)), endAfter: z.string().check(z.minLength(1)) }),
]);
export type RangeSelector = z.infer<typeof RangeSelectorSchema>;

/** A CSS selector, or a range between two (OTA's range selectors). */
export const PartSelectorSchema = z.union([z.string().check(z.minLength(1)), RangeSelectorSchema]);
export type PartSelector = z.infer<typeof PartSelectorSchema>;

/** What a page's own text loses or gains by OTA's filters that Vigie reads as declarations (see declaration.ts). */
export const TextReplacementSchema = z.object({ selector: z.string().check(z.minLength(1)), text: z.string() });

/** One page of a document that several pages make up (OTA's `combine`), with its own parts. */
export const MonitorPageSchema = z.object({
  url: HttpUrlSchema,
  select: z.array(PartSelectorSchema),
  remove: z.array(PartSelectorSchema),
  replace: z.optional(z.array(TextReplacementSchema)),
});
export type MonitorPage = z.infer<typeof MonitorPageSchema>;

export const MonitorConfigSchema = z.object({
  select: z.array(PartSelectorSchema),
  remove: z.array(PartSelectorSchema),
  /** Elements whose text is replaced (an info icon read as "ℹ️", as OTA's filter does). */
  replace: z.optional(z.array(TextReplacementSchema)),
  /**
   * A document made of several pages, fetched in this order and joined (the first is the source's own
   * address): when set, each page's parts are its own and `select` / `remove` above are unused.
   */
  pages: z.optional(z.array(MonitorPageSchema)),
  /** OTA filters of the declaration that Vigie does not apply, named on the monitor. */
  unappliedFilters: z.optional(z.array(z.string())),
  retention: z.int().check(z.gte(1), z.lte(1000)),
});
export type MonitorConfig = z.infer<typeof MonitorConfigSchema>;

export const SourceSchema = z.object({
  id: z.string().check(z.minLength(1)),
  url: HttpUrlSchema,
  kind: SourceKindSchema,
  title: z.string(),
  siteUrl: z.optional(HttpUrlSchema),
  /** BCP 47 language of the source's items ("fr", "en"). */
  language: z.optional(z.string()),
  /** Free category used to group sources (OPML outlines), such as "Meta officiel". */
  category: z.optional(z.string()),
  intervalMinutes: z.int().check(z.gte(MIN_INTERVAL_MINUTES)),
  enabled: z.boolean(),
  origin: SourceOriginSchema,
  /** Only on page monitors (kind `page`). */
  monitor: z.optional(MonitorConfigSchema),
  added: IsoDateSchema,
  health: SourceHealthSchema,
});
export type Source = z.infer<typeof SourceSchema>;

export const emptyHealth = (): SourceHealth => ({ consecutiveFailures: 0 });
