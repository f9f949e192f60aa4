import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '@/components/popup/Popup';
import { initLanguage } from '@/lib/i18n/browser';
import type { Summary } from '@/lib/messages/protocol';
import { SUMMARY_KEY } from '@/lib/messages/requests/core-keys';

// The summary the background keeps ready and the language are read together, before the first paint.
void Promise.all([initLanguage(), browser.storage.session.get(SUMMARY_KEY)]).then(([, kept]) =>
  render(<Popup kept={kept[SUMMARY_KEY] as Summary | undefined} />, document.getElementById('app') as HTMLElement),
);
