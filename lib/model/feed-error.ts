import * as z from 'zod/mini';

/**
 * Why a source could not be read. The code picks the sentence shown to the user (in `_locales`, as
 * `feedError_<code>`); `detail` carries the specifics (an HTTP status, a parser message).
 */
export const FEED_ERROR_CODES = [
  'network',
  'timeout',
  'http',
  'too-large',
  'not-a-feed',
  'malformed',
  'permission',
  'quota',
  'storage',
] as const;
export const FeedErrorCodeSchema = z.enum(FEED_ERROR_CODES);
export type FeedErrorCode = z.infer<typeof FeedErrorCodeSchema>;

export const FeedErrorSchema = z.object({
  code: FeedErrorCodeSchema,
  detail: z.optional(z.string()),
});
export type FeedErrorInfo = z.infer<typeof FeedErrorSchema>;

export class FeedError extends Error {
  constructor(
    readonly code: FeedErrorCode,
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'FeedError';
  }

  toInfo(): FeedErrorInfo {
    return this.detail === undefined ? { code: this.code } : { code: this.code, detail: this.detail };
  }
}
