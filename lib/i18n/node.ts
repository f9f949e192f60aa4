import en from '../../public/_locales/en/messages.json';
import fr from '../../public/_locales/fr/messages.json';
import type { FeedErrorInfo } from '../model/feed-error';
import { feedErrorText, type Translate } from './translate';

/**
 * The extension's `_locales` read from Node (the curators' command, tests), so that the words are written once.
 * Placeholders follow the WebExtension rules: $NAME$ refers to a placeholder whose content is $1, $2…
 */
type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

export function nodeTranslate(language = process.env.LANG ?? ''): Translate {
  const messages: Messages = language.toLowerCase().startsWith('fr') ? fr : en;
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

export function describeFeedError(error: FeedErrorInfo): string {
  return feedErrorText(error, nodeTranslate());
}
