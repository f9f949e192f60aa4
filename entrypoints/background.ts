import '@/lib/model/zod-setup';
import { browser, type Browser } from 'wxt/browser';
import { createHandlers, newSince } from '@/lib/background/handlers';
import { buildSummary } from '@/lib/background/handlers/core';
import { SUMMARY_KEY } from '@/lib/messages/requests/core-keys';
import { openDashboard } from '@/lib/dashboard/open-dashboard';
import { BADGE_COLOR, badgeText } from '@/lib/badge/badge';
import { captureTab, createClipMenu, listenForQuickClips } from '@/lib/clips/browser';
import { ClipError, clipErrorText } from '@/lib/clips/errors';
import { BackupError } from '@/lib/data/backup';
import { LANGUAGE_KEY } from '@/lib/i18n/browser';
import { feedErrorText } from '@/lib/i18n/translate';
import { EventSchema, type VigieEvent } from '@/lib/messages/protocol';
import { InvalidRequestError, route } from '@/lib/messages/router';
import { FeedError } from '@/lib/model/feed-error';
import { Poller } from '@/lib/refresh/poller';
import { OpmlError } from '@/lib/sources/opml';
import { TagError } from '@/lib/tags/personal-tag';
import { seedCuratedPack } from '@/lib/sources/seed';
import { VigieStore } from '@/lib/store/store';

/**
 * The background (service worker on Chrome, event page on Firefox): the only writer of the store. It wires
 * the alarm that drives polling, the message protocol and the badge; the logic lives in lib/.
 */
const POLL_ALARM = 'vigie-poll';

export default defineBackground(() => {
  const t = (key: string, substitutions?: string | string[]) =>
    browser.i18n.getMessage(key as Parameters<typeof browser.i18n.getMessage>[0], substitutions);
  const storeReady = VigieStore.open();

  const broadcast = (event: VigieEvent) => {
    // Checked here, where events are made: pages trust what the background sends them.
    const checked = EventSchema.parse(event);
    // No open page means nobody listens: that is not an error.
    browser.runtime.sendMessage(checked).catch(() => undefined);
  };

  const canRead = (origin: string) => browser.permissions.contains({ origins: [origin] });

  async function updateBadge(store: VigieStore, ids?: string[]): Promise<void> {
    const count = await newSince(store);
    await browser.action.setBadgeBackgroundColor({ color: BADGE_COLOR });
    await browser.action.setBadgeText({ text: badgeText(count) });
    broadcast({ channel: 'vigie', event: 'itemsChanged', newCount: count, ...(ids ? { ids } : {}) });
    await publishSummary();
  }

  /** Keeps the popup's summary ready in session storage, so that it paints without waiting for the background. */
  async function publishSummary(): Promise<void> {
    const [store, p] = await Promise.all([storeReady, poller]);
    await browser.storage.session.set({ [SUMMARY_KEY]: await buildSummary({ store, poller: p }) });
  }

  const poller = storeReady.then(
    (store) =>
      new Poller({
        store,
        broadcast,
        canRead,
        afterRefresh: async (summary) => {
          // Backgrounds stop between alarms: a refresh that brought nothing new leaves the badge as it is.
          if (summary.added.length > 0 || summary.outcomes.length > 0) await updateBadge(store, summary.added);
        },
      }),
  );

  const handlers = Promise.all([storeReady, poller]).then(([store, p]) =>
    createHandlers({
      store,
      poller: p,
      canRead,
      capturePage: captureTab,
      itemsChanged: (ids) => updateBadge(store, ids),
      sourcesChanged: () => {
        broadcast({ channel: 'vigie', event: 'sourcesChanged' });
        void publishSummary();
      },
      tagsChanged: () => broadcast({ channel: 'vigie', event: 'tagsChanged' }),
      settingsChanged: async (settings) => {
        await browser.storage.local.set({ [LANGUAGE_KEY]: settings.language });
      },
    }),
  );

  function describe(error: unknown): { code: string; message: string } {
    if (error instanceof FeedError) return { code: error.code, message: feedErrorText(error.toInfo(), t) };
    if (error instanceof ClipError) return { code: `clip-${error.code}`, message: clipErrorText(error, t) };
    if (error instanceof OpmlError) return { code: 'invalid-opml', message: t('opmlInvalid', [error.message]) };
    if (error instanceof TagError) return { code: `tag-${error.code}`, message: t(`tagError_${error.code.replace(/-/g, '_')}`) };
    if (error instanceof BackupError) return { code: 'invalid-backup', message: t('backupInvalid', [error.message]) };
    const detail = error instanceof Error ? error.message : String(error);
    return { code: error instanceof InvalidRequestError ? 'invalid-request' : 'error', message: t('errorGeneric', [detail]) };
  }

  /** Requests come only from Vigie's own pages; content scripts and other extensions are ignored. */
  function fromOwnPage(sender: Browser.runtime.MessageSender): boolean {
    return sender.id === browser.runtime.id && !!sender.url?.startsWith(browser.runtime.getURL('/'));
  }

  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
    if (!fromOwnPage(sender)) return undefined;
    if ((message as { channel?: unknown } | null)?.channel !== 'vigie') return undefined;
    return handlers.then((h) => route(message, h, { describe }));
  });

  // The context menu and the keyboard shortcut save at once; the toolbar button says how it went.
  listenForQuickClips({
    save: async (page) => (await handlers).saveClip({ page, tags: [] }),
    describe,
    restoreBadge: async () => updateBadge(await storeReady),
    t,
  });

  async function ensureAlarm(): Promise<void> {
    if (!(await browser.alarms.get(POLL_ALARM))) {
      // One alarm for all sources: each source's own interval is checked at every tick.
      await browser.alarms.create(POLL_ALARM, { periodInMinutes: 1, delayInMinutes: 1 });
    }
  }

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === POLL_ALARM) void poller.then((p) => p.poll(false));
  });

  browser.runtime.onInstalled.addListener(() => {
    void createClipMenu(t);
    void (async () => {
      const store = await storeReady;
      await seedCuratedPack(store);
      await ensureAlarm();
      await (await poller).poll(false);
    })();
  });

  browser.commands.onCommand.addListener((command: string) => {
    if (command === 'open-dashboard') void openDashboard();
  });

  browser.runtime.onStartup.addListener(() => {
    void ensureAlarm();
  });
});
