import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '@/components/popup/Popup';
import { initLanguage, LANGUAGE_KEY } from '@/lib/i18n/browser';
import type { Summary } from '@/lib/messages/protocol';
import { SUMMARY_KEY } from '@/lib/messages/requests/core-keys';
import type { LanguageSetting } from '@/lib/model/settings';

type Stored = Record<string, unknown>;
declare global {
  // Set by popup-early.js, which starts the reads before this module has loaded.
  var vigiePopupEarly: Promise<[Stored, Stored]> | undefined;
}

/**
 * The popup's script. It is built as one classic script (a WXT unlisted script), not as modules: the popup
 * then paints after one fetch, where a module graph took several, and the first rows show a frame sooner.
 * popup/index.html loads it after popup-early.js, which has already started the reads it needs.
 */
export default defineUnlistedScript(() => {
  // The summary the background keeps ready and the language are read together, before the first paint.
  const read = globalThis.vigiePopupEarly ?? Promise.all([browser.storage.session.get(SUMMARY_KEY), browser.storage.local.get(LANGUAGE_KEY)]);
  void read.then(async ([session, local]) => {
    await initLanguage((local[LANGUAGE_KEY] ?? null) as LanguageSetting | null);
    render(<Popup kept={session[SUMMARY_KEY] as Summary | undefined} />, document.getElementById('app') as HTMLElement);
  });
});
