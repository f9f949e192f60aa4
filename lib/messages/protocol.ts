import * as z from 'zod/mini';
import { ErrorInfoSchema } from '../model/error-info';
import { ALERT_REQUESTS } from './requests/alerts';
import { CLIP_REQUESTS } from './requests/clips';
import { CORE_REQUESTS } from './requests/core';
import { DATA_REQUESTS } from './requests/data';
import { FICHE_REQUESTS } from './requests/fiches';
import { HUB_REQUESTS } from './requests/hub';
import { ITEM_REQUESTS } from './requests/items';
import { SOURCE_REQUESTS } from './requests/sources';

/**
 * The one protocol between extension pages and the background (see README.md beside this file).
 * Pages send requests; the background answers each with an envelope and broadcasts events.
 * Everything is checked against these schemas on both sides.
 */

export { AlertRowSchema, Empty, SummarySchema, type AlertRow, type Summary } from './requests/core';

/**
 * Each request: what the page sends and what the background answers. One group per capability, in
 * `requests/`; its handlers live beside the capability and are put together in `lib/background/handlers.ts`.
 */
export const REQUESTS = {
  ...CORE_REQUESTS,
  ...SOURCE_REQUESTS,
  ...ITEM_REQUESTS,
  ...CLIP_REQUESTS,
  ...DATA_REQUESTS,
  ...ALERT_REQUESTS,
  ...HUB_REQUESTS,
  ...FICHE_REQUESTS,
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

/**
 * Errors travel as data, `{ code, params }`: the page words them in the member's language. `message` is the
 * background's own sentence (in the stored language), for logs and scripts that read answers raw.
 */
export const ErrorEnvelopeSchema = z.extend(ErrorInfoSchema, { ok: z.literal(false), message: z.optional(z.string()) });
export const ResponseEnvelopeSchema = z.union([
  z.object({ ok: z.literal(true), result: z.unknown() }),
  ErrorEnvelopeSchema,
]);
export type ResponseEnvelope = z.infer<typeof ResponseEnvelopeSchema>;

/** Background → pages. */
export const EventSchema = z.discriminatedUnion('event', [
  /** `ids`: the items added or changed, when known (open lists and the search index update just those). */
  z.object({ channel: z.literal('vigie'), event: z.literal('itemsChanged'), newCount: z.number(), ids: z.optional(z.array(z.string())) }),
  z.object({ channel: z.literal('vigie'), event: z.literal('refreshStarted') }),
  z.object({ channel: z.literal('vigie'), event: z.literal('refreshFinished'), added: z.number(), failed: z.number() }),
  z.object({ channel: z.literal('vigie'), event: z.literal('sourcesChanged') }),
  z.object({ channel: z.literal('vigie'), event: z.literal('tagsChanged') }),
  /** Alerts raised, read or removed: `unread` is the badge's count. */
  z.object({ channel: z.literal('vigie'), event: z.literal('alertsChanged'), unread: z.number() }),
  z.object({ channel: z.literal('vigie'), event: z.literal('rulesChanged') }),
  /** The COPIL's shared list or this member's outbox changed: `unread` others' new shares, `pending` writes waiting. */
  z.object({ channel: z.literal('vigie'), event: z.literal('hubChanged'), unread: z.number(), pending: z.number() }),
  /** The fiches conseils changed (read from the hub, or written here): open pages read them again. */
  z.object({ channel: z.literal('vigie'), event: z.literal('fichesChanged') }),
]);
export type VigieEvent = z.infer<typeof EventSchema>;
