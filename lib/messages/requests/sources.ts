import * as z from 'zod/mini';
import { HttpUrlSchema, MonitorPageSchema, PartSelectorSchema, SourceSchema, TextReplacementSchema } from '../../model/source';
import { Empty } from './core';

/** Following sources: add (read once first), edit, remove, OPML in and out. */
export const NewSourceSchema = z.object({
  url: HttpUrlSchema,
  title: z.optional(z.string()),
  category: z.optional(z.string()),
  language: z.optional(z.string()),
  intervalMinutes: z.optional(z.int().check(z.gte(1))),
});

export const SourcePatchSchema = z.object({
  title: z.optional(z.string()),
  category: z.optional(z.string()),
  language: z.optional(z.string()),
  intervalMinutes: z.optional(z.int().check(z.gte(1))),
  enabled: z.optional(z.boolean()),
});

export const OpmlImportResultSchema = z.object({ added: z.array(z.string()), skipped: z.array(z.string()) });

/** A feed found at an address: the address itself when it is a feed, else one its page announces. */
export const DiscoveredFeedSchema = z.object({
  url: HttpUrlSchema,
  title: z.string(),
  format: z.optional(z.enum(['rss', 'atom', 'rdf', 'jsonfeed'])),
  /** Already followed: adding it again changes nothing. */
  followed: z.optional(z.boolean()),
});

/** A page to watch: its address, the parts to keep and drop (CSS selectors), how often, how many versions kept. */
export const NewMonitorSchema = z.object({
  url: HttpUrlSchema,
  title: z.optional(z.string()),
  category: z.optional(z.string()),
  /** CSS selectors, or OTA's range selectors. */
  select: z.array(PartSelectorSchema),
  remove: z.array(PartSelectorSchema),
  /** From an OTA declaration: its filters read as replacements, its pages when combined, the filters not applied. */
  replace: z.optional(z.array(TextReplacementSchema)),
  pages: z.optional(z.array(MonitorPageSchema)),
  unappliedFilters: z.optional(z.array(z.string())),
  intervalMinutes: z.optional(z.int().check(z.gte(1))),
  retention: z.optional(z.int().check(z.gte(1), z.lte(1000))),
});

export const SOURCE_REQUESTS = {
  /** Adds a page monitor and checks it once at once (its first text is the baseline; its health says how it went). */
  addMonitor: { params: NewMonitorSchema, result: SourceSchema },
  listSources: { params: Empty, result: z.array(SourceSchema) },
  /** Reads the URL once: a feed is its own single candidate; a page lists its `<link rel="alternate">` feeds (maybe none). */
  discoverFeeds: { params: z.object({ url: HttpUrlSchema }), result: z.object({ feeds: z.array(DiscoveredFeedSchema) }) },
  /** Fetches the URL once and adds it only if it is a feed; the page asks for the origin first. */
  addSource: { params: NewSourceSchema, result: SourceSchema },
  updateSource: { params: z.object({ id: z.string(), patch: SourcePatchSchema }), result: SourceSchema },
  removeSource: { params: z.object({ id: z.string(), keepItems: z.boolean() }), result: Empty },
  /**
   * Pauses the pack's sources (curated and the COPIL's) together, or resumes them: resuming turns on again the
   * ones the pause turned off, not those the member had turned off before. `changed`: sources switched.
   */
  pausePack: { params: z.object({ paused: z.boolean() }), result: z.object({ changed: z.number() }) },
  importOpml: { params: z.object({ text: z.string() }), result: OpmlImportResultSchema },
  exportOpml: { params: Empty, result: z.object({ text: z.string() }) },
} as const;
