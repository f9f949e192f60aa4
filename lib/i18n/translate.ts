import type { FeedErrorInfo } from '../model/feed-error';

/** The shape of `browser.i18n.getMessage`, so that lib code can speak the user's language in Node too. */
export type Translate = (key: string, substitutions?: string | string[]) => string;

/** The languages Vigie speaks. */
export type Language = 'fr' | 'en';

/** The member's choice in Paramètres when there is one, else the browser's language, else English. */
export function chooseLanguage(stored: unknown, browserLanguage: string): Language {
  if (stored === 'fr' || stored === 'en') return stored;
  return browserLanguage.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** A `_locales/<lang>/messages.json` file. */
export type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/**
 * A translator over a messages file, following the WebExtension rules ($NAME$ names a placeholder whose
 * content is $1, $2…): for Node, and for pages whose user chose another language than the browser's.
 */
export function translatorFrom(messages: Messages): Translate {
  return (key, substitutions = []) => {
    const entry = messages[key];
    if (!entry) return '';
    const values = Array.isArray(substitutions) ? substitutions : [substitutions];
    return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
      return content.replace(/\$(\d)/g, (__, index: string) => values[Number(index) - 1] ?? '');
    });
  };
}

/** The sentence that tells the user why a source failed, in words. */
/**
 * Codes whose detail is the browser's or a parser's own words (« Failed to fetch », « Unclosed root tag »,
 * often English): screens say the error in words and keep those words apart, behind « Détails ».
 */
const TECHNICAL_DETAIL: ReadonlySet<string> = new Set(['network', 'malformed', 'not-a-feed', 'storage', 'quota']);

/** An error in words, and its technical detail apart when it has one (see TECHNICAL_DETAIL). */
export function feedErrorParts(error: FeedErrorInfo, t: Translate): { text: string; detail?: string } {
  if (!TECHNICAL_DETAIL.has(error.code) || error.reason || !error.detail) return { text: feedErrorText(error, t) };
  const { detail, ...words } = error;
  return { text: feedErrorText(words, t), detail };
}

export function feedErrorText(error: FeedErrorInfo, t: Translate): string {
  const detail = error.reason ? t(`feedReason_${error.reason.replace(/-/g, '_')}`) : (error.detail ?? '');
  const text = t(`feedError_${error.code.replace(/-/g, '_')}`, [detail]).replace(/\s*\(\)/, '');
  // A document made of several pages says which page failed: the others' text is not recorded as deleted.
  return error.page ? `${t('feedErrorInPage', [error.page])} ${text}` : text;
}
