// First, so that its mark says when the script began to run (bench/background-wake.ts).
// eslint-disable-next-line import-x/order
import { WIRED } from '@/lib/background/start-marks';
import '@/lib/model/zod-setup';
import { browser, type Browser } from 'wxt/browser';
import { describeError } from '@/lib/background/errors';
import { NOTIFICATION_PREFIX } from '@/lib/background/notifications';
import { startBackground } from '@/lib/background/start';
import { captureTab, createClipMenu, listenForQuickClips } from '@/lib/clips/browser';
import { openDashboard } from '@/lib/dashboard/open-dashboard';
import { rawExport } from '@/lib/data/raw-export';
import { LANGUAGE_KEY } from '@/lib/i18n/browser';
import { EventSchema, type VigieEvent } from '@/lib/messages/protocol';
import { VigieStore } from '@/lib/store/store';

/**
 * The background (service worker on Chrome, event page on Firefox): the only writer of the store. It only
 * wires the browser's events to lib/background, where the badge, notifications, summary and errors are decided.
 */
const POLL_ALARM = 'vigie-poll';
/** Once a day, the old items the member's retention lets go are removed (lib/retention). */
const PRUNE_ALARM = 'vigie-prune';
const url = (path: string) => browser.runtime.getURL(path as '/popup.html');

export default defineBackground(() => {
  const { ready, handlers, answer, words, hubSync, prune } = startBackground({
    openStore: (events) => VigieStore.open(undefined, events),
    copyStore: async () => JSON.stringify(await rawExport()),
    // Checked here, where events are made: pages trust what the background sends them. No open page means
    // nobody listens: that is not an error.
    broadcast: (event: VigieEvent) => void browser.runtime.sendMessage(EventSchema.parse(event)).catch(() => undefined),
    action: browser.action,
    session: browser.storage.session,
    notifications: browser.notifications,
    iconUrl: url('/icon/128.png'),
    readText: async (path) => (await fetch(url(path))).text(),
    language: {
      browserLanguage: browser.i18n.getUILanguage(),
      browserTranslate: (key, substitutions) => browser.i18n.getMessage(key as Parameters<typeof browser.i18n.getMessage>[0], substitutions),
    },
    canRead: (origin) => browser.permissions.contains({ origins: [origin] }),
    capturePage: captureTab,
    estimateStorage: () => navigator.storage.estimate(),
    version: browser.runtime.getManifest().version,
    settingsChanged: async (settings) => {
      await browser.storage.local.set({ [LANGUAGE_KEY]: settings.language });
      // The context menu speaks the language just chosen.
      await createClipMenu(await words()).catch(() => undefined);
    },
  });

  // Requests come only from Vigie's own pages; content scripts and other extensions are ignored.
  const fromOwnPage = (sender: Browser.runtime.MessageSender) => sender.id === browser.runtime.id && !!sender.url?.startsWith(url('/'));
  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
    if (!fromOwnPage(sender) || (message as { channel?: unknown } | null)?.channel !== 'vigie') return undefined;
    return answer(message);
  });

  // The context menu and the keyboard shortcut save at once; the toolbar button says how it went.
  listenForQuickClips({
    save: async (page) => (await handlers).saveClip({ page, tags: [] }),
    describe: describeError,
    restoreBadge: async () => void (await (await ready).changes.badge()),
    words,
  });

  async function ensureAlarm(): Promise<void> {
    // One alarm for all sources: each source's own interval is checked at every tick.
    if (!(await browser.alarms.get(POLL_ALARM))) await browser.alarms.create(POLL_ALARM, { periodInMinutes: 1, delayInMinutes: 1 });
    // An hour after install or start-up, then daily: never in the way of the first refresh.
    if (!(await browser.alarms.get(PRUNE_ALARM))) await browser.alarms.create(PRUNE_ALARM, { periodInMinutes: 24 * 60, delayInMinutes: 60 });
  }
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === PRUNE_ALARM) {
      void prune().catch((error: unknown) => console.warn('Vigie: pruning failed', error));
      return;
    }
    if (alarm.name !== POLL_ALARM) return;
    // A store that did not open has nothing to refresh; pages hear why at each request.
    void ready.then(({ poller }) => poller.poll(false)).catch(() => undefined);
    void hubSync().catch((error: unknown) => console.warn('Vigie: hub sync failed', error));
  });
  browser.runtime.onInstalled.addListener(() => {
    void words().then(createClipMenu);
    void handlers.then(ensureAlarm);
  });
  browser.runtime.onStartup.addListener(() => void ensureAlarm());

  // A click on a notification opens what it announced: the item, or the Alertes view for several.
  browser.notifications.onClicked.addListener((id: string) => {
    if (!id.startsWith(`${NOTIFICATION_PREFIX}#/`)) return;
    void openDashboard(id.slice(NOTIFICATION_PREFIX.length));
    void browser.notifications.clear(id);
  });
  browser.commands.onCommand.addListener((command: string) => {
    if (command === 'open-dashboard') void openDashboard();
  });
  performance.mark(WIRED);
});
