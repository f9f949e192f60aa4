import type { ErrorInfo } from '../model/error-info';
import type { FeedErrorCode } from '../model/feed-error';
import { FEED_ERROR_CODES } from '../model/vocabulary';
import { feedErrorText, type Translate } from './translate';

/**
 * An error said in words, by whoever speaks the member's language: the pages (errorText) and, for what it
 * shows itself (a quick clip's tooltip), the background with the stored language. No zod here: the popup
 * words errors too, and its size is budgeted.
 */
const FEED_CODES: ReadonlySet<string> = new Set(FEED_ERROR_CODES);
const isFeedCode = (code: string): code is FeedErrorCode => FEED_CODES.has(code);

/** `hub-invalid-url` → `invalid_url`: message keys cannot hold dashes. */
const keyOf = (code: string, prefix = '') => code.slice(prefix.length).replace(/-/g, '_');

/**
 * Why the hub refused, in the member's language, from the hub's code for it (« seul un administrateur du hub
 * peut le faire. »); the hub's own sentence (English) only where no words are known for its code, or as the
 * technical detail of a refused value.
 */
export function hubRefusalWords(refusal: string | undefined, detail: string, t: Translate): string {
  return (refusal && t(`hubRefusal_${keyOf(refusal)}`, [detail])) || detail;
}

export function errorWords(error: ErrorInfo, t: Translate): string {
  const { code, params = {} } = error;
  const detail = params.detail ?? '';
  if (code === 'hub-refused') return t('hubError_refused', [hubRefusalWords(params.refusal, detail, t)]);
  if (code.startsWith('hub-')) return t(`hubError_${keyOf(code, 'hub-')}`, [detail]);
  if (code.startsWith('clip-')) return t(`clipError_${keyOf(code, 'clip-')}`);
  if (code.startsWith('tag-')) return t(`tagError_${keyOf(code, 'tag-')}`);
  if (code.startsWith('store-')) return t(`storeError_${keyOf(code, 'store-')}`, [String(params.found ?? ''), String(params.supported ?? '')]);
  if (isFeedCode(code)) return feedErrorText({ code, ...(params.detail === undefined ? {} : { detail }), ...(params.reason ? { reason: params.reason } : {}), ...(params.page ? { page: params.page } : {}) }, t);
  if (code === 'invalid-opml') return t('opmlInvalid', [detail]);
  if (code === 'invalid-backup') return t('backupInvalid', [detail]);
  if (code === 'invalid-rule') return t('ruleInvalid', [(params.problems ?? []).map((problem) => ruleProblemWords(problem, t)).join(' ')]);
  return t('errorGeneric', [detail]);
}

/** One problem of a rule's term in words: the regex engine's own message quoted, a dangerous shape named. */
export function ruleProblemWords(problem: { code: string; term: string; detail?: string }, t: Translate): string {
  return t(`ruleProblem_${keyOf(problem.code)}`, [
    problem.term,
    problem.code === 'invalid-regex' ? (problem.detail ?? '') : problem.code === 'unsafe-regex' ? t(`regexRisk_${keyOf(problem.detail ?? 'unreadable')}`) : '',
  ]);
}
