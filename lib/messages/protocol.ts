import * as z from 'zod/mini';
import { FeedErrorSchema } from '../model/feed-error';
import { ItemSchema } from '../model/item';
import { SettingsSchema } from '../model/settings';
import { HttpUrlSchema, IsoDateSchema, SourceSchema } from '../model/source';

/**
 * The one protocol between extension pages and the background (see README.md beside this file).
 * Pages send requests; the background answers each with an envelope and broadcasts events.
 * Everything is checked against these schemas on both sides.
 */

const Empty = z.object({});

export const SummaryItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  url: z.optional(HttpUrlSchema),
  sourceTitle: z.string(),
  date: z.optional(IsoDateSchema),
  read: z.boolean(),
});

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
  sources: z.array(SourceHealthRowSchema),
  refreshing: z.boolean(),
  /** The last refresh could not save (full disk, browser storage error): said above everything else. */
  storageProblem: z.optional(FeedErrorSchema),
});
export type Summary = z.infer<typeof SummarySchema>;

export const RefreshResultSchema = z.object({ added: z.number(), failed: z.number() });

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

/** Each request: what the page sends and what the background answers. */
export const REQUESTS = {
  /** The popup's data: new count, latest items and each source's health. */
  summary: { params: Empty, result: SummarySchema },
  /** Fetch every enabled source now, whatever its interval. */
  refresh: { params: Empty, result: RefreshResultSchema },
  /** The user has looked at the list: what arrived so far is no longer "new". */
  markSeen: { params: Empty, result: Empty },
  setRead: { params: z.object({ ids: z.array(z.string()), read: z.boolean() }), result: Empty },
  getItem: { params: z.object({ id: z.string() }), result: z.nullable(ItemSchema) },
  listSources: { params: Empty, result: z.array(SourceSchema) },
  /** Fetches the URL once and adds it only if it is a feed; the page asks for the origin first. */
  addSource: { params: NewSourceSchema, result: SourceSchema },
  updateSource: { params: z.object({ id: z.string(), patch: SourcePatchSchema }), result: SourceSchema },
  removeSource: { params: z.object({ id: z.string(), keepItems: z.boolean() }), result: Empty },
  importOpml: { params: z.object({ text: z.string() }), result: OpmlImportResultSchema },
  exportOpml: { params: Empty, result: z.object({ text: z.string() }) },
  getSettings: { params: Empty, result: SettingsSchema },
  updateSettings: { params: z.partial(SettingsSchema), result: SettingsSchema },
} as const;

export type RequestType = keyof typeof REQUESTS;
export type Params<T extends RequestType> = z.infer<(typeof REQUESTS)[T]['params']>;
export type Result<T extends RequestType> = z.infer<(typeof REQUESTS)[T]['result']>;

const REQUEST_TYPES = Object.keys(REQUESTS) as [RequestType, ...RequestType[]];

export const RequestEnvelopeSchema = z.object({
  channel: z.literal('vigie'),
  type: z.enum(REQUEST_TYPES),
  params: z.unknown(),
});

/** Errors travel as a code and words already in the user's language. */
export const ErrorEnvelopeSchema = z.object({ ok: z.literal(false), code: z.string(), message: z.string() });
export const ResponseEnvelopeSchema = z.union([
  z.object({ ok: z.literal(true), result: z.unknown() }),
  ErrorEnvelopeSchema,
]);
export type ResponseEnvelope = z.infer<typeof ResponseEnvelopeSchema>;

/** Background → pages. */
export const EventSchema = z.discriminatedUnion('event', [
  z.object({ channel: z.literal('vigie'), event: z.literal('itemsChanged'), newCount: z.number() }),
  z.object({ channel: z.literal('vigie'), event: z.literal('refreshStarted') }),
  z.object({ channel: z.literal('vigie'), event: z.literal('refreshFinished'), added: z.number(), failed: z.number() }),
  z.object({ channel: z.literal('vigie'), event: z.literal('sourcesChanged') }),
]);
export type VigieEvent = z.infer<typeof EventSchema>;
