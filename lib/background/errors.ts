import { RuleError } from '../alerts/rule-error';
import { ClipError } from '../clips/errors';
import { BackupError } from '../data/backup';
import { HubError } from '../hub/client';
import { errorWords } from '../i18n/error-words';
import type { Translate } from '../i18n/translate';
import { InvalidRequestError } from '../messages/router';
import type { ErrorInfo } from '../model/error-info';
import { FeedError } from '../model/feed-error';
import { StoreError } from '../model/store-error';
import { OpmlError } from '../packs/opml';
import { TagError } from '../tags/personal-tag';

/**
 * What went wrong, as data for the page that asked (see ErrorInfoSchema): the page words it in the member's
 * language. Codes keep the shape pages and tests already know (`hub-unreachable`, `not-a-feed`…).
 */
export function describeError(error: unknown): ErrorInfo {
  if (error instanceof HubError) return { code: `hub-${error.code}`, params: { detail: error.detail, ...(error.refusal ? { refusal: error.refusal } : {}) } };
  if (error instanceof FeedError) {
    const { code, ...params } = error.toInfo();
    return { code, params };
  }
  if (error instanceof ClipError) return { code: `clip-${error.code}` };
  if (error instanceof OpmlError) return { code: 'invalid-opml', params: { detail: error.message } };
  if (error instanceof TagError) return { code: `tag-${error.code}` };
  if (error instanceof RuleError) {
    const problems = error.problems.map(({ code, term, detail }) => ({ code, term, ...(detail === undefined ? {} : { detail }) }));
    return { code: 'invalid-rule', params: { problems } };
  }
  if (error instanceof BackupError) return { code: 'invalid-backup', params: { detail: error.message } };
  if (error instanceof StoreError) return error.info;
  const detail = error instanceof Error ? error.message : String(error);
  return { code: error instanceof InvalidRequestError ? 'invalid-request' : 'error', params: { detail } };
}

/** The answer to a refused request: the data, and the background's sentence in the member's language. */
export async function describeInWords(error: unknown, words: () => Promise<Translate>): Promise<ErrorInfo & { message: string }> {
  const info = describeError(error);
  return { ...info, message: errorWords(info, await words()) };
}
