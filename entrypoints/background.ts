import '@/lib/model/zod-setup';
import { browser, type Browser } from 'wxt/browser';
import { createHandlers, newSince } from '@/lib/background/handlers';
import { buildSummary } from '@/lib/background/handlers/core';
import { SUMMARY_KEY } from '@/lib/messages/requests/core-keys';
import { openDashboard } from '@/lib/dashboard/open-dashboard';
import { badgeColor, badgeText } from '@/lib/badge/badge';
import { alertNotification, inQuietHours } from '@/lib/alerts/notify';
import { HubError } from '@/lib/hub/client';
import type { Share } from '@/lib/model/share';
import { PRIORITIES } from '@/lib/model/vocabulary';
import { RuleError } from '@/lib/alerts/rule-error';
import { readRulePack, RULE_PACK_PATH } from '@/lib/packs/rule-pack';
import { seedDefaultRules } from '@/lib/packs/seed-rules';
import type { Alert } from '@/lib/model/alert';
import { loadSettings } from '@/lib/settings/settings';
import { captureTab, createClipMenu, listenForQuickClips } from '@/lib/clips/browser';
import { ClipError, clipErrorText } from '@/lib/clips/errors';
import { BackupError } from '@/lib/data/backup';
import { LANGUAGE_KEY } from '@/lib/i18n/browser';
import { feedErrorText } from '@/lib/i18n/translate';
import { EventSchema, type VigieEvent } from '@/lib/messages/protocol';
import { InvalidRequestError, route } from '@/lib/messages/router';
import { FeedError } from '@/lib/model/feed-error';
import { Poller } from '@/lib/refresh/poller';
import { OpmlError } from '@/lib/packs/opml';
import { TagError } from '@/lib/tags/personal-tag';
import { seedCuratedPack } from '@/lib/packs/seed-sources';
import { readSourcePack, SOURCE_PACK_PATH } from '@/lib/packs/source-pack';
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

  /**
   * The badge counts unread alerts and others' new COPIL shares, in the colour of the highest priority
   * among them; open pages follow.
   */
  async function updateBadge(store: VigieStore): Promise<void> {
    const [unread, shared] = await Promise.all([store.alerts.unread(), store.shares.unread()]);
    const ranks = [unread.highest, shared.highest].flatMap((priority) => (priority ? [PRIORITIES.indexOf(priority)] : []));
    const highest = ranks.length ? PRIORITIES[Math.max(...ranks)] : undefined;
    await browser.action.setBadgeBackgroundColor({ color: badgeColor(highest) });
    // Chrome picks black or white text by itself; Firefox needs telling (white on every badge colour).
    await browser.action.setBadgeTextColor?.({ color: '#ffffff' }).catch(() => undefined);
    await browser.action.setBadgeText({ text: badgeText(unread.count + shared.count) });
    broadcast({ channel: 'vigie', event: 'alertsChanged', unread: unread.count });
  }

  /** Others' new shares: the badge, open pages, and one notification if Paramètres allow it. */
  async function hubChanged(store: VigieStore, added: Share[]): Promise<void> {
    await updateBadge(store);
    // Only here: the COPIL lists open in pages reload on this event, not on every item read.
    const [shared, outbox] = await Promise.all([store.shares.unread(), store.shares.outbox()]);
    broadcast({ channel: 'vigie', event: 'hubChanged', unread: shared.count, pending: outbox.length });
    await publishSummary();
    if (added.length === 0) return;
    const settings = await loadSettings(store);
    if (!settings.notifications || inQuietHours(settings.quietHours, new Date())) return;
    const [first] = added;
    await browser.notifications.create(`vigie#/copil?share=${encodeURIComponent(first!.id)}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png' as '/popup.html'),
      title: added.length === 1 ? t('copilNotifyOne', [first!.author.name]) : t('copilNotifyMany', [String(added.length)]),
      message: first!.title,
    });
  }

  async function itemsChanged(store: VigieStore, ids?: string[]): Promise<void> {
    broadcast({ channel: 'vigie', event: 'itemsChanged', newCount: await newSince(store), ...(ids ? { ids } : {}) });
    // Reading an item reads its alerts: the badge follows at once.
    await updateBadge(store);
    await publishSummary();
  }

  /** One desktop notification for what a refresh raised, if the rules and Paramètres ask for it. */
  async function notify(store: VigieStore, alerts: Alert[]): Promise<void> {
    const rules = new Map((await store.rules.list()).map((rule) => [rule.id, rule]));
    const wanted = alerts.filter((alert) => !alert.read && rules.get(alert.ruleId)?.actions.notify);
    if (wanted.length === 0) return;
    const titles = new Map((await Promise.all(wanted.map((alert) => store.getItem(alert.itemId)))).flatMap((item) => (item ? [[item.id, item.title] as const] : [])));
    const settings = await loadSettings(store);
    const notice = alertNotification(wanted, (id) => titles.get(id) ?? '', settings, new Date(), t);
    if (!notice) return;
    // The notification's id says what a click opens (the background may have slept in between).
    await browser.notifications.create(`vigie${notice.route}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png' as '/popup.html'),
      title: notice.title,
      message: notice.message,
    });
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
        afterRefresh: async (summary, alerts) => {
          // Backgrounds stop between alarms: a refresh that brought nothing new leaves the badge as it is.
          if (summary.added.length > 0 || summary.outcomes.length > 0) await itemsChanged(store, summary.added);
          await notify(store, alerts).catch((error: unknown) => console.warn('Vigie: notification failed', error));
        },
      }),
  );

  // Every start makes sure the curated sources and the default rules are there (cheap once installed: a
  // version check), before any request is answered, so that nothing sees a store without its rules.
  const rulePack = () => readRulePack(async () => (await fetch(browser.runtime.getURL(RULE_PACK_PATH as '/popup.html'))).text());
  const sourcePack = () => readSourcePack(async () => (await fetch(browser.runtime.getURL(SOURCE_PACK_PATH as '/popup.html'))).text());
  const seeded = storeReady.then(async (store) => {
    const added = await seedCuratedPack(store, sourcePack);
    await seedDefaultRules(store, rulePack);
    return added;
  });
  // Sources the pack just brought (first run, or a newer pack) are read at once. This starts with the
  // background itself rather than in onInstalled, which a page's first request may overtake: `refreshIdle`
  // then always covers it.
  const startupRefresh = Promise.all([seeded, poller])
    .then(([added, p]) => (added.length > 0 ? p.poll(false) : undefined))
    .catch((error: unknown) => console.warn('Vigie: first refresh failed', error));

  const handlers = Promise.all([storeReady, poller, seeded]).then(([store, p]) =>
    createHandlers({
      store,
      poller: p,
      startupRefresh,
      canRead,
      capturePage: captureTab,
      itemsChanged: (ids) => itemsChanged(store, ids),
      alertsChanged: async (ids) => {
        if (ids && ids.length > 0) broadcast({ channel: 'vigie', event: 'itemsChanged', newCount: await newSince(store), ids });
        await updateBadge(store);
        await publishSummary();
      },
      rulesChanged: () => broadcast({ channel: 'vigie', event: 'rulesChanged' }),
      rulePack,
      sourcePack,
      sourcesChanged: () => {
        broadcast({ channel: 'vigie', event: 'sourcesChanged' });
        void publishSummary();
      },
      tagsChanged: () => broadcast({ channel: 'vigie', event: 'tagsChanged' }),
      hubChanged: (added) => hubChanged(store, added).catch((error: unknown) => console.warn('Vigie: hub update failed', error)),
      registerHubSync: (sync) => (hubSync = sync),
      settingsChanged: async (settings) => {
        await browser.storage.local.set({ [LANGUAGE_KEY]: settings.language });
      },
    }),
  );

  /** The hub's sync, once the handlers exist: the alarm runs it after the feeds. */
  let hubSync: (() => Promise<unknown>) | undefined;

  function describe(error: unknown): { code: string; message: string } {
    if (error instanceof HubError) return { code: `hub-${error.code}`, message: t(`hubError_${error.code.replace(/-/g, '_')}`, [error.detail]) };
    if (error instanceof FeedError) return { code: error.code, message: feedErrorText(error.toInfo(), t) };
    if (error instanceof ClipError) return { code: `clip-${error.code}`, message: clipErrorText(error, t) };
    if (error instanceof OpmlError) return { code: 'invalid-opml', message: t('opmlInvalid', [error.message]) };
    if (error instanceof TagError) return { code: `tag-${error.code}`, message: t(`tagError_${error.code.replace(/-/g, '_')}`) };
    if (error instanceof RuleError) {
      // The regex engine's own message is quoted; a dangerous shape is named in words.
      const problems = error.problems.map((problem) =>
        t(`ruleProblem_${problem.code.replace(/-/g, '_')}`, [
          problem.term,
          problem.code === 'invalid-regex' ? (problem.detail ?? '') : problem.code === 'unsafe-regex' ? t(`regexRisk_${(problem.detail ?? 'unreadable').replace(/-/g, '_')}`) : '',
        ]),
      );
      return { code: 'invalid-rule', message: t('ruleInvalid', [problems.join(' ')]) };
    }
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
    if (alarm.name !== POLL_ALARM) return;
    void poller.then((p) => p.poll(false));
    void handlers.then(() => hubSync?.()).catch((error: unknown) => console.warn('Vigie: hub sync failed', error));
  });

  browser.runtime.onInstalled.addListener(() => {
    void createClipMenu(t);
    void seeded.then(ensureAlarm);
  });

  // A click on a notification opens what it announced: the item, or the Alertes view for several.
  browser.notifications.onClicked.addListener((id: string) => {
    if (!id.startsWith('vigie#/')) return;
    void openDashboard(id.slice('vigie'.length));
    void browser.notifications.clear(id);
  });

  browser.commands.onCommand.addListener((command: string) => {
    if (command === 'open-dashboard') void openDashboard();
  });

  browser.runtime.onStartup.addListener(() => {
    void ensureAlarm();
  });
});
