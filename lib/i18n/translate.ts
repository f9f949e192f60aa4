import type { FeedErrorInfo } from '../model/feed-error';

/** The shape of `browser.i18n.getMessage`, so that lib code can speak the user's language in Node too. */
export type Translate = (key: string, substitutions?: string | string[]) => string;

/** The sentence that tells the user why a source failed, in words. */
export function feedErrorText(error: FeedErrorInfo, t: Translate): string {
  const detail = error.reason ? t(`feedReason_${error.reason.replace(/-/g, '_')}`) : (error.detail ?? '');
  return t(`feedError_${error.code.replace(/-/g, '_')}`, [detail]).replace(/\s*\(\)/, '');
}
