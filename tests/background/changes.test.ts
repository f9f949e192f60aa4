import { describe, expect, it } from 'vitest';
import { backgroundChanges } from '../../lib/background/changes';
import { memberWords } from '../../lib/background/language';
import { notifyAlerts, notifyFiches, notifyShares, type NotifyDeps } from '../../lib/background/notifications';
import { publishSummary } from '../../lib/background/summary';
import { nodeTranslate } from '../../lib/i18n/node';
import type { Messages } from '../../lib/i18n/translate';
import { SummarySchema, type VigieEvent } from '../../lib/messages/protocol';
import { SUMMARY_KEY } from '../../lib/messages/requests/core-keys';
import type { Alert } from '../../lib/model/alert';
import type { Fiche } from '../../lib/model/fiche';
import type { Settings } from '../../lib/model/settings';
import type { Share } from '../../lib/model/share';
import { Poller } from '../../lib/refresh/poller';
import { loadSettings, updateSettings } from '../../lib/settings/settings';
import type { VigieStore } from '../../lib/store/store';
import en from '../../public/_locales/en/messages.json';
import { inText, makeRule } from '../rules/helpers';
import { makeDraft, makeSource, newStore, testSettings } from '../store/fixtures';

/** The background's reactions to changes, against a real store and recording ports. */
const NOON = () => new Date('2026-11-02T12:00:00');

async function storeWithAlertItem(settings: Partial<Settings> = {}): Promise<VigieStore> {
  const store = await newStore();
  await store.putSources([makeSource({ id: 'alpha' })]);
  await store.saveFetch({ source: { id: 'alpha', health: makeSource({ id: 'alpha' }).health }, items: [makeDraft('i1', { title: 'News Feed changes' })], fetchedAt: '2026-11-02T10:00:00.000Z' });
  await store.rules.put([makeRule([inText('words', 'any', ['feed'])], { id: 'r', name: 'Algorithm', actions: { alert: true, addTags: [], star: false, notify: true, proposeShare: false } })]);
  await updateSettings(store, settings);
  return store;
}

/** Notifications in the stored language, the browser speaking French. */
function notifier(store: VigieStore) {
  const shown: { id: string; title: string; message: string }[] = [];
  const deps: NotifyDeps = {
    store,
    notifications: { create: async (id, options) => void shown.push({ id, title: options.title, message: options.message }) },
    iconUrl: 'icon.png',
    words: memberWords({
      stored: async () => (await loadSettings(store)).language,
      browserLanguage: 'fr-FR',
      browserTranslate: nodeTranslate('fr'),
      messages: async () => en as Messages,
    }),
    now: NOON,
  };
  return { deps, shown };
}

const alert = (fields: Partial<Alert> = {}): Alert => ({ id: 'r|i1', ruleId: 'r', ruleName: 'Algorithm', itemId: 'i1', priority: 'important', created: '2026-11-02T10:00:00.000Z', read: false, ...fields });
const share = (id: string): Share => ({ id, title: `Shared ${id}`, author: { id: 'm2', name: 'Camille' } }) as unknown as Share;

describe('notifications', () => {
  it("speak the member's chosen English in a French browser, and open what they announce", async () => {
    const store = await storeWithAlertItem({ language: 'en' });
    const { deps, shown } = notifier(store);
    await notifyAlerts(deps, [alert()]);
    expect(shown).toEqual([{ id: 'vigie#/alerts?item=i1', title: 'Vigie — alert: Algorithm', message: 'Important · News Feed changes' }]);
    await notifyShares(deps, [share('s1')]);
    expect(shown[1]).toEqual({ id: 'vigie#/copil?share=s1', title: 'Vigie — Camille shared with the COPIL', message: 'Shared s1' });
  });

  it("speak the browser's French when no language is chosen", async () => {
    const store = await storeWithAlertItem();
    const { deps, shown } = notifier(store);
    await notifyShares(deps, [share('s1'), share('s2')]);
    expect(shown[0]?.title).toBe(nodeTranslate('fr')('copilNotifyMany', ['2']));
  });

  it('tell of a fiche a colleague changed only to a member who asked for it, opening that fiche', async () => {
    const store = await storeWithAlertItem();
    const { deps, shown } = notifier(store);
    const fiche = { id: 'publicite-politique', title: 'Publicité politique', updatedBy: { id: 'm2', name: 'Camille', role: 'member' } } as Fiche;
    await notifyFiches(deps, [fiche]);
    expect(shown).toEqual([]);
    await updateSettings(store, { ficheNotifications: true });
    await notifyFiches(deps, [fiche]);
    await notifyFiches(deps, [fiche, { ...fiche, id: 'groupes', title: 'Groupes' }]);
    expect(shown).toEqual([
      { id: 'vigie#/fiches/publicite-politique', title: 'Vigie — Camille a modifié une fiche conseil', message: 'Publicité politique' },
      { id: 'vigie#/fiches/publicite-politique', title: 'Vigie — 2 fiches conseils modifiées', message: 'Publicité politique · Groupes' },
    ]);
  });

  it('stay silent for read alerts, rules that do not ask, notifications switched off, and quiet hours', async () => {
    const store = await storeWithAlertItem();
    const { deps, shown } = notifier(store);
    await notifyAlerts(deps, [alert({ read: true }), alert({ ruleId: 'other' })]);
    await notifyShares(deps, []);
    await updateSettings(store, { notifications: false });
    await notifyAlerts(deps, [alert()]);
    await updateSettings(store, { notifications: true, quietHours: { enabled: true, start: '11:00', end: '13:00' } });
    await notifyAlerts(deps, [alert()]);
    await notifyShares(deps, [share('s1')]);
    expect(shown).toEqual([]);
  });
});

function harness(store: VigieStore) {
  const events: VigieEvent[] = [];
  const session: Record<string, unknown> = {};
  const badge: string[] = [];
  const { deps } = notifier(store);
  const poller = new Poller({ store, broadcast: () => undefined, afterRefresh: async () => undefined, loadSettings: async () => testSettings() });
  const changes = backgroundChanges({
    ...deps,
    poller: () => poller,
    broadcast: (event) => void events.push(event),
    action: { setBadgeBackgroundColor: async () => undefined, setBadgeText: async ({ text }) => void badge.push(text) },
    session: { set: async (items) => void Object.assign(session, items) },
  });
  return { changes, events, session, badge, poller };
}

describe('what follows a change', () => {
  it('publishes the summary the popup paints from, as its schema reads it', async () => {
    const store = await storeWithAlertItem();
    const { session, poller } = harness(store);
    await publishSummary({ store, poller, session: { set: async (items) => void Object.assign(session, items) } });
    const summary = SummarySchema.parse(session[SUMMARY_KEY]);
    expect(summary.latest.map((item) => item.title)).toEqual(['News Feed changes']);
    expect(summary.newCount).toBe(1);
  });

  it('tells open pages, then sets the badge, then keeps the summary, when items change', async () => {
    const store = await storeWithAlertItem();
    const { changes, events, session, badge } = harness(store);
    await changes.items(['i1']);
    expect(events).toEqual([
      { channel: 'vigie', event: 'itemsChanged', newCount: 1, ids: ['i1'] },
      { channel: 'vigie', event: 'alertsChanged', unread: 0 },
    ]);
    expect(badge).toEqual(['']);
    expect(session[SUMMARY_KEY]).toBeDefined();
  });

  it('says the hub changed with its counts, and leaves the badge alone after a refresh that brought nothing', async () => {
    const store = await storeWithAlertItem();
    const { changes, events, badge } = harness(store);
    await changes.hub([]);
    expect(events.at(-1)).toEqual({ channel: 'vigie', event: 'hubChanged', unread: 0, pending: 0 });
    events.length = 0;
    badge.length = 0;
    await changes.refreshed({ added: [], outcomes: [], failed: 0 } as never, []);
    expect(events).toEqual([]);
    expect(badge).toEqual([]);
  });
});
