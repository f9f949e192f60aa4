import * as z from 'zod/mini';
import { FEED_ERROR_CODES } from './vocabulary';

/**
 * Why a source could not be read. The code picks the sentence shown to the user (in `_locales`, as
 * `feedError_<code>`); `detail` carries the specifics (an HTTP status, a parser message).
 */
export { FEED_ERROR_CODES };
export const FeedErrorCodeSchema = z.enum(FEED_ERROR_CODES);
export type FeedErrorCode = z.infer<typeof FeedErrorCodeSchema>;

/** Well-known causes, said in the user's language (`feedReason_<reason>`) instead of the raw detail. */
export const FEED_ERROR_REASONS = ['html-page', 'entities', 'unreachable'] as const;

export const FeedErrorSchema = z.object({
  code: FeedErrorCodeSchema,
  detail: z.optional(z.string()),
  reason: z.optional(z.enum(FEED_ERROR_REASONS)),
  /** For a document made of several pages: which one failed ("3/26 https://…"). */
  page: z.optional(z.string()),
});
export type FeedErrorInfo = z.infer<typeof FeedErrorSchema>;

export class FeedError extends Error {
  constructor(
    readonly code: FeedErrorCode,
    readonly detail?: string,
    readonly reason?: (typeof FEED_ERROR_REASONS)[number],
    readonly page?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'FeedError';
  }

  toInfo(): FeedErrorInfo {
    return {
      code: this.code,
      ...(this.detail === undefined ? {} : { detail: this.detail }),
      ...(this.reason === undefined ? {} : { reason: this.reason }),
      ...(this.page === undefined ? {} : { page: this.page }),
    };
  }
}
