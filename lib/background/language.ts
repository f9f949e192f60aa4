import { chooseLanguage, translatorFrom, type Language, type Messages, type Translate } from '../i18n/translate';

/**
 * The words the background says itself (notifications, the context menu, a quick clip's tooltip), in the
 * language the member chose in Paramètres. `browser.i18n` only speaks the browser's language, so another
 * choice reads that language's messages file, once per language.
 */
export interface LanguagePorts {
  /** The member's setting: 'fr', 'en', or anything else for the browser's. */
  stored: () => Promise<unknown>;
  /** `browser.i18n.getUILanguage()`. */
  browserLanguage: string;
  /** `browser.i18n.getMessage`. */
  browserTranslate: Translate;
  /** A messages file shipped with the extension (`/_locales/<language>/messages.json`). */
  messages: (language: Language) => Promise<Messages>;
}

export function memberWords(ports: LanguagePorts): () => Promise<Translate> {
  const browserLanguage = chooseLanguage(undefined, ports.browserLanguage);
  const loaded = new Map<Language, Promise<Translate>>();
  return async () => {
    const wanted = chooseLanguage(await ports.stored(), browserLanguage);
    if (wanted === browserLanguage) return ports.browserTranslate;
    let words = loaded.get(wanted);
    if (!words) {
      words = ports.messages(wanted).then(translatorFrom);
      // A file that failed to load is tried again next time rather than kept as a failure.
      words.catch(() => loaded.delete(wanted));
      loaded.set(wanted, words);
    }
    return words.catch(() => ports.browserTranslate);
  };
}
