import en from '../../public/_locales/en/messages.json';
import fr from '../../public/_locales/fr/messages.json';
import type { FeedErrorInfo } from '../model/feed-error';
import { feedErrorText, translatorFrom, type Translate } from './translate';

/** The extension's `_locales` read from Node (the curators' command, tests), so that the words are written once. */
export function nodeTranslate(language = process.env.LANG ?? ''): Translate {
  return translatorFrom(language.toLowerCase().startsWith('fr') ? fr : en);
}

export function describeFeedError(error: FeedErrorInfo): string {
  return feedErrorText(error, nodeTranslate());
}
