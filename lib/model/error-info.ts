import * as z from 'zod/mini';
import { FEED_ERROR_REASONS } from './feed-error';

/**
 * An error as it crosses from the background to a page: what happened and its specifics, never words. The
 * page words it in the member's chosen language (see lib/i18n/error-words.ts); the background does not
 * know that language when it answers, only the browser's.
 */
export const ErrorParamsSchema = z.object({
  /** The specifics: a hub's or a parser's message, an HTTP status, the request that was refused. */
  detail: z.optional(z.string()),
  /** A source's error: a well-known cause, and which page of a document failed. */
  reason: z.optional(z.enum(FEED_ERROR_REASONS)),
  page: z.optional(z.string()),
  /** A hub's refusal: the hub's code for it (`admins-only`…), worded by the page; its English sentence is `detail`. */
  refusal: z.optional(z.string()),
  /** A rule refused at save: each problem with the term it concerns. */
  problems: z.optional(z.array(z.object({ code: z.string(), term: z.string(), detail: z.optional(z.string()) }))),
  /** A store made by a newer Vigie: the version found, and the highest this code reads. */
  found: z.optional(z.number()),
  supported: z.optional(z.number()),
});

export const ErrorInfoSchema = z.object({
  /** `hub-…`, `clip-…`, `tag-…`, a source's error code, `invalid-rule`, `invalid-opml`, `invalid-backup`, `invalid-request`, `store-…`, `error`. */
  code: z.string(),
  params: z.optional(ErrorParamsSchema),
});
export type ErrorInfo = z.infer<typeof ErrorInfoSchema>;
export type ErrorParams = z.infer<typeof ErrorParamsSchema>;
