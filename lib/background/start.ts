import type { VigieEvent } from '../messages/protocol';
import type { Handlers } from '../messages/router';
import type { Settings } from '../model/settings';
import { seedShippedPacks, shippedPacks } from '../packs/shipped';
import { Poller } from '../refresh/poller';
import { loadSettings } from '../settings/settings';
import type { VigieStore } from '../store/store';
import type { BadgeAction } from './badge';
import { backgroundChanges, type BackgroundChanges } from './changes';
import { createHandlers } from './handlers';
import { memberWords, type LanguagePorts } from './language';
import type { Notifier } from './notifications';
import type { SessionArea } from './summary';

/** The browser as the background's parts need it; entrypoints/background.ts fills these in, tests fake them. */
export interface BackgroundPorts {
  openStore: () => Promise<VigieStore>;
  broadcast: (event: VigieEvent) => void;
  action: BadgeAction;
  session: SessionArea;
  notifications: Notifier;
  iconUrl: string;
  /** The extension's own files (the packs, the messages files). */
  readText: (path: string) => Promise<string>;
  language: Omit<LanguagePorts, 'stored' | 'messages'>;
  canRead?: (originPattern: string) => Promise<boolean>;
  capturePage?: (tabId: number) => Promise<unknown>;
  /** Settings were saved: what pages that open later must know before asking (the language). */
  settingsChanged: (settings: Settings) => Promise<void>;
}

export interface Background {
  ready: Promise<{ store: VigieStore; poller: Poller; changes: BackgroundChanges }>;
  handlers: Promise<Handlers>;
  /** The words the background says itself, in the member's language. */
  words: ReturnType<typeof memberWords>;
  /** The hub's sync, once the handlers made it (absent before): the alarm runs it after the feeds. */
  hubSync: () => Promise<unknown>;
}

/** Makes the background's parts and joins them; nothing here listens to the browser. */
export function startBackground(ports: BackgroundPorts): Background {
  const storeReady = ports.openStore();
  const words = memberWords({
    ...ports.language,
    stored: async () => (await loadSettings(await storeReady)).language,
    messages: async (language) => JSON.parse(await ports.readText(`/_locales/${language}/messages.json`)),
  });
  const { broadcast, canRead } = ports;
  const ready = storeReady.then((store) => {
    const changes = backgroundChanges({ ...ports, store, poller: () => poller, words });
    const poller = new Poller({ store, broadcast, ...(canRead ? { canRead } : {}), afterRefresh: changes.refreshed });
    return { store, changes, poller };
  });
  const packs = shippedPacks(ports.readText);
  const seeded = storeReady.then((store) => seedShippedPacks(store, packs));
  // Sources the pack just brought (first run, or a newer pack) are read at once, from the background's own
  // start rather than onInstalled, which a page's first request may overtake: `refreshIdle` covers it.
  const startupRefresh = Promise.all([seeded, ready])
    .then(([added, { poller }]) => (added.length > 0 ? poller.poll(false) : undefined))
    .catch((error: unknown) => console.warn('Vigie: first refresh failed', error));

  let hubSync: (() => Promise<unknown>) | undefined;
  const handlers = Promise.all([ready, seeded]).then(([{ store, poller, changes }]) =>
    createHandlers({
      ...packs,
      store,
      poller,
      startupRefresh,
      ...(canRead ? { canRead } : {}),
      ...(ports.capturePage ? { capturePage: ports.capturePage } : {}),
      itemsChanged: changes.items,
      alertsChanged: changes.alerts,
      sourcesChanged: changes.sources,
      rulesChanged: () => broadcast({ channel: 'vigie', event: 'rulesChanged' }),
      tagsChanged: () => broadcast({ channel: 'vigie', event: 'tagsChanged' }),
      hubChanged: (added) => changes.hub(added).catch((error: unknown) => console.warn('Vigie: hub update failed', error)),
      registerHubSync: (sync) => (hubSync = sync),
      settingsChanged: ports.settingsChanged,
    }),
  );
  const runHubSync = async () => {
    await handlers;
    return hubSync?.();
  };
  return { ready, handlers, words, hubSync: runHubSync };
}
