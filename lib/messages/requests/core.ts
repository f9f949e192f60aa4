import * as z from 'zod/mini';
import { FeedErrorSchema } from '../../model/feed-error';
import { PrioritySchema } from '../../model/rule';
import { SettingsSchema } from '../../model/settings';
import { SharedRowSchema } from '../../model/share';
import { HttpUrlSchema, IsoDateSchema } from '../../model/source';
import { TagSchema } from '../../model/tag';

/** The popup's summary, refreshing, seen/read state, one item, settings. */
export const Empty = z.object({});

export const SummaryItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  url: z.optional(HttpUrlSchema),
  sourceTitle: z.string(),
  date: z.optional(IsoDateSchema),
  read: z.boolean(),
  starred: z.boolean(),
  tags: z.array(z.string()),
  /** A clip: `sourceTitle` is then the clipped site's name. */
  clip: z.optional(z.literal(true)),
  /** The language its title is written in, as a `lang` attribute wants it (RGAA 8.7), when known. */
  language: z.optional(z.string()),
});

/** An alert as lists show it: the alert and its item, in the summary's shape. */
export const AlertRowSchema = z.object({
  id: z.string(),
  ruleId: z.string(),
  ruleName: z.string(),
  priority: PrioritySchema,
  created: IsoDateSchema,
  read: z.boolean(),
  item: SummaryItemSchema,
  /** The rule asks to propose sharing the item with the COPIL. */
  proposeShare: z.optional(z.boolean()),
});
export type AlertRow = z.infer<typeof AlertRowSchema>;

export const SourceHealthRowSchema = z.object({
  id: z.string(),
  title: z.string(),
  url: z.string(),
  enabled: z.boolean(),
  lastSuccess: z.optional(IsoDateSchema),
  lastFetch: z.optional(IsoDateSchema),
  consecutiveFailures: z.number(),
  lastError: z.optional(FeedErrorSchema),
});

export const SummarySchema = z.object({
  newCount: z.number(),
  latest: z.array(SummaryItemSchema),
  /** Unread alerts (what the badge counts, in the colour of the highest priority) and the latest ones. */
  alerts: z.object({ unread: z.number(), highest: z.optional(PrioritySchema), latest: z.array(AlertRowSchema) }),
  sources: z.array(SourceHealthRowSchema),
  refreshing: z.boolean(),
  /** The last refresh could not save (full disk, browser storage error): said above everything else. */
  storageProblem: z.optional(FeedErrorSchema),
  tags: z.array(TagSchema),
  /** The COPIL hub, once connected: others' unseen shares and the newest of the shared list. */
  hub: z.optional(z.object({ unread: z.number(), pending: z.number(), latest: z.array(SharedRowSchema) })),
});

export type Summary = z.infer<typeof SummarySchema>;

export const RefreshResultSchema = z.object({ added: z.number(), failed: z.number() });

/** `lastFinished`: when the last refresh that fetched something ended (absent before the first one). */
export const RefreshIdleSchema = z.object({ lastFinished: z.optional(IsoDateSchema) });

export const CORE_REQUESTS = {
  /** The popup's data: new count, latest items and each source's health. */
  summary: { params: Empty, result: SummarySchema },
  /** Fetch every enabled source now, whatever its interval. */
  refresh: { params: Empty, result: RefreshResultSchema },
  /**
   * Answers once the background has no refresh running or waiting, its start-up refresh included: the
   * moment when what a page reads is what the background has settled.
   */
  refreshIdle: { params: Empty, result: RefreshIdleSchema },
  /** The user has looked at the list: what arrived so far is no longer "new". */
  markSeen: { params: Empty, result: Empty },
  /** « Quoi de neuf » was shown: it is not shown again until the next update. */
  whatsNewSeen: { params: Empty, result: Empty },
  getSettings: { params: Empty, result: SettingsSchema },
  updateSettings: { params: z.partial(SettingsSchema), result: SettingsSchema },
} as const;
