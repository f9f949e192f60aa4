import type { ResponseEnvelope, VigieEvent } from '../messages/protocol';
import { route, type Handlers } from '../messages/router';
import type { Settings } from '../model/settings';
import { StoreError } from '../model/store-error';
import { seedShippedPacks, shippedPacks } from '../packs/shipped';
import { Poller } from '../refresh/poller';
import { loadSettings } from '../settings/settings';
import type { OpenEvents } from '../store/open';
import type { VigieStore } from '../store/store';
import type { BadgeAction } from './badge';
import { backgroundChanges, type BackgroundChanges } from './changes';
import { describeInWords } from './errors';
import { createHandlers } from './handlers';
import { memberWords, type LanguagePorts } from './language';
import type { Notifier } from './notifications';
import { retentionRunner } from './retention';
import type { SessionArea } from './summary';
import { noteRunningVersion } from './version';
import { handlersWithoutStore } from './without-store';

/** The browser as the background's parts need it; entrypoints/background.ts fills these in, tests fake them. */
export interface BackgroundPorts {
  /** Opens the store; `blocked` is called while its upgrade waits for another tab. */
  openStore: (events: Pick<OpenEvents, 'blocked'>) => Promise<VigieStore>;
  /** The store as it is, as a file's text: the backup offered when a newer Vigie made the store (lib/data/raw-export.ts). */
  copyStore: () => Promise<string>;
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
  /** The running version (the manifest's): « Quoi de neuf » after an update. */
  version: string;
  /** Settings were saved: what pages that open later must know before asking (the language). */
  settingsChanged: (settings: Settings) => Promise<void>;
  /** `navigator.storage.estimate()`, for Paramètres' storage figures. */
  estimateStorage?: () => Promise<{ usage?: number; quota?: number }>;
}

export interface Background {
  ready: Promise<{ store: VigieStore; poller: Poller; changes: BackgroundChanges }>;
  /** The handlers once the store is open and seeded; if it could not be, handlers that say why (without-store.ts). */
  handlers: Promise<Handlers>;
  /** Answers a page's request (see route), always with an envelope: never a rejection without words. */
  answer: (message: unknown) => Promise<ResponseEnvelope | undefined>;
  /** The words the background says itself, in the member's language. */
  words: ReturnType<typeof memberWords>;
  /** The hub's sync, once the handlers made it (absent before): the alarm runs it after the feeds. */
  hubSync: () => Promise<unknown>;
  /** Removes the old items the member's retention lets go: the daily alarm runs it. */
  prune: () => Promise<unknown>;
}

/** Makes the background's parts and joins them; nothing here listens to the browser. */
export function startBackground(ports: BackgroundPorts): Background {
  // While the store's upgrade waits for another tab, requests are answered with that rather than kept waiting
  // (those that arrived before the browser said so too). Only the first open upgrades: a reopening does not.
  let blocked = false;
  let sayBlocked = () => undefined as void;
  const whenBlocked = new Promise<void>((resolve) => (sayBlocked = resolve));
  const storeReady = ports.openStore({
    blocked: () => {
      blocked = true;
      sayBlocked();
    },
  });
  void storeReady.then(
    () => (blocked = false),
    () => (blocked = false),
  );
  const words = memberWords({
    ...ports.language,
    // A store that cannot be read (newer, waiting for an upgrade) leaves the browser's language.
    stored: async () => (blocked ? undefined : storeReady.then(loadSettings).then((settings) => settings.language, () => undefined)),
    messages: async (language) => JSON.parse(await ports.readText(`/_locales/${language}/messages.json`)),
  });
  const { broadcast, canRead } = ports;
  const ready = storeReady.then((store) => {
    const changes = backgroundChanges({ ...ports, store, poller: () => poller, words });
    const poller = new Poller({ store, broadcast, ...(canRead ? { canRead } : {}), afterRefresh: changes.refreshed });
    const prune = retentionRunner({ store, itemsChanged: changes.items });
    return { store, changes, poller, prune };
  });
  const packs = shippedPacks(ports.readText);
  // Before the packs: whether the store was used before is read from what an earlier build seeded.
  const versionNoted = storeReady
    .then((store) => noteRunningVersion(store, ports.version))
    .catch((error: unknown) => (error instanceof StoreError ? undefined : console.warn('Vigie: version note failed', error)));
  const seeded = storeReady.then(async (store) => {
    await versionNoted;
    return seedShippedPacks(store, packs);
  });
  // Sources the pack just brought (first run, or a newer pack) are read at once, from the background's own
  // start rather than onInstalled, which a page's first request may overtake: `refreshIdle` covers it.
  const startupRefresh = Promise.all([seeded, ready])
    .then(([added, { poller }]) => (added.length > 0 ? poller.poll(false) : undefined))
    // A store that did not open (or closed) is no refresh failure: pages hear why at each request.
    .catch((error: unknown) => (error instanceof StoreError ? undefined : console.warn('Vigie: first refresh failed', error)));

  let hubSync: (() => Promise<unknown>) | undefined;
  const handlers = Promise.all([ready, seeded])
    .then(([{ store, poller, changes, prune }]) =>
      createHandlers({
        ...packs,
        store,
        poller,
        prune,
        ...(ports.estimateStorage ? { estimateStorage: ports.estimateStorage } : {}),
        startupRefresh,
        ...(canRead ? { canRead } : {}),
        ...(ports.capturePage ? { capturePage: ports.capturePage } : {}),
        itemsChanged: changes.items,
        alertsChanged: changes.alerts,
        alertsRaised: changes.raised,
        sourcesChanged: changes.sources,
        rulesChanged: () => broadcast({ channel: 'vigie', event: 'rulesChanged' }),
        tagsChanged: () => broadcast({ channel: 'vigie', event: 'tagsChanged' }),
        hubChanged: (added, fiches) => changes.hub(added, fiches).catch((error: unknown) => console.warn('Vigie: hub update failed', error)),
        fichesChanged: () => broadcast({ channel: 'vigie', event: 'fichesChanged' }),
        registerHubSync: (sync) => (hubSync = sync),
        settingsChanged: ports.settingsChanged,
      }),
    )
    // A store that could not be opened (or seeded): every request says why, rather than fail without a word.
    .catch((error: unknown) => handlersWithoutStore(error, ports.copyStore));
  const runHubSync = async () => {
    await handlers;
    return hubSync?.();
  };

  const blockedHandlers = () => handlersWithoutStore(new StoreError('store-blocked'), ports.copyStore);
  /** The handlers for a request arriving now, the store opened again first if the browser closed it. */
  async function current(): Promise<Handlers> {
    if (blocked) return blockedHandlers();
    // A request that arrived before the browser said the upgrade is blocked is answered as soon as it does.
    const blockedMeanwhile = await Promise.race([handlers.then(() => undefined), whenBlocked.then(() => (blocked ? blockedHandlers() : undefined))]);
    if (blockedMeanwhile) return blockedMeanwhile;
    const answering = await handlers;
    try {
      await (await ready).store.ready();
    } catch (error) {
      return handlersWithoutStore(error, ports.copyStore);
    }
    return answering;
  }
  const answer = async (message: unknown) => route(message, await current(), { describe: (error) => describeInWords(error, words) });

  // After the seeding, so that a first run never races the packs; a store that did not open has nothing to prune.
  const prune = async () => {
    await handlers;
    return (await ready).prune();
  };

  return { ready, handlers, answer, words, hubSync: runHubSync, prune };
}
