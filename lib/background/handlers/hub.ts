import { HubError, hubFetch } from '../../hub/client';
import { loadConnection, saveConnection } from '../../hub/connection';
import { queueComment, queueHide, queueReaction, queueRex, queueShare, queueTags, refusalOf, shareIdOf } from '../../hub/outbox';
import { connect, syncHub } from '../../hub/sync';
import { hubVersionGap } from '../../hub/version';
import type { HUB_REQUESTS, HubStatus } from '../../messages/requests/hub';
import type { HandlersOf } from '../../messages/router';
import type { Fiche } from '../../model/fiche';
import type { MemberEntry, Share } from '../../model/share';
import { exportOpml } from '../../packs/opml';
import { rulePackJson } from '../../packs/rule-pack';
import { loadSettings } from '../../settings/settings';
import { META } from '../../store/meta-keys';
import type { VigieStore } from '../../store/store';
import type { HandlerDeps } from './deps';

export async function hubStatus(store: VigieStore): Promise<HubStatus> {
  const [connection, outbox] = await Promise.all([loadConnection(store), store.shares.outbox()]);
  // Records as stored: the protocol's schema keeps only what pages show.
  const pending = outbox as HubStatus['pending'];
  if (!connection) return { connected: false, pending };
  const gap = hubVersionGap(connection.hubVersion);
  return {
    connected: true,
    url: connection.url,
    hubName: connection.hubName,
    member: connection.member,
    feedUrl: `${connection.url}/feed/${connection.feedToken}.atom`,
    ...(connection.lastPull ? { lastPull: connection.lastPull } : {}),
    ...(connection.problem ? { problem: connection.problem } : {}),
    ...(connection.hubVersion ? { hubVersion: connection.hubVersion } : {}),
    ...(gap ? { versionGap: gap } : {}),
    pending,
  };
}

/** The COPIL hub's requests. Every write is queued first, then a sync tries to send it at once. */
export function hubHandlers(deps: HandlerDeps): HandlersOf<typeof HUB_REQUESTS> {
  const { store } = deps;
  type Synced = { sent: number; added: Share[]; fiches: Fiche[]; fichesRead: boolean };
  /** One sync at a time: the alarm, a click and a live event may ask together. */
  let running: Promise<Synced> | undefined;
  /** The sync that follows the running one, for writes queued while it ran (one for all of them). */
  let following: Promise<Synced> | undefined;
  const start = () =>
    (running ??= (async () => {
      try {
        return await syncHub(store, await loadSettings(store));
      } finally {
        running = undefined;
      }
    })());
  /**
   * `fresh`: the caller needs a sync that starts after its call: it has just queued a write, or the hub has
   * just said something changed. A sync already running may have read the outbox, or pulled, before that, and
   * would leave it for the next alarm (a minute): one more sync follows it, shared by every caller meanwhile.
   */
  const after = (current: Promise<Synced>) =>
    (following ??= current
      .catch(() => undefined)
      .then(() => {
        following = undefined;
        return start();
      }));
  const sync = async (fresh = false) => {
    const result = await (fresh && running ? after(running) : start());
    await deps.hubChanged?.(result.added, { changed: result.fiches, read: result.fichesRead });
    return result;
  };
  deps.registerHubSync?.(sync);
  /** Admin calls go straight to the hub (no outbox): the admin sees at once whether they worked. */
  const admin = async <T>(method: string, path: string, body?: unknown, contentType?: string): Promise<T> => {
    const connection = await loadConnection(store);
    if (!connection) throw new HubError('refused', 'not connected to a hub');
    return hubFetch<T>(connection.url, connection.token, method, path, body, contentType);
  };
  /** A share just written (`seq`) that the hub refused at once: its pages hear the list changed, its author why. */
  const sayRefusal = async (seq: number) => {
    const refused = await refusalOf(store, seq);
    if (!refused) return;
    await deps.hubChanged?.([]);
    throw refused;
  };
  /** A write queued, then a sync that tries to send it at once: `sent` says whether it went. */
  const queued = async (write: Promise<void>) => {
    await write;
    return { sent: (await sync(true)).sent > 0 };
  };

  return {
    hubStatus: () => hubStatus(store),
    async hubConnect({ url, code }) {
      await connect(store, url, code);
      await sync();
      return hubStatus(store);
    },
    async hubDisconnect() {
      await saveConnection(store, undefined);
      await store.shares.clear();
      // The fiches were that hub's: another hub has its own.
      await store.deleteMeta(META.fiches);
      await deps.hubChanged?.([]);
      return hubStatus(store);
    },
    async hubSync() {
      // Asked by a page when the hub says something changed, or by the member's « Synchroniser »: news to read.
      await sync(true);
      return hubStatus(store);
    },
    async shareItem({ itemId, priority }) {
      const item = await store.getItem(itemId);
      if (!item) throw new HubError('refused', 'item not found');
      const source = await store.getSource(item.sourceId);
      const { share, update, seq } = await queueShare(store, item, {
        ...(source ? { sourceTitle: source.title, ...(source.language ? { sourceLanguage: source.language } : {}) } : {}),
        ...(priority ? { priority } : {}),
      });
      await deps.hubChanged?.([]);
      const { sent } = await sync(true);
      await sayRefusal(seq);
      return { id: share.id, sent: sent > 0, update };
    },
    async shareRex(draft) {
      const { share, seq } = await queueRex(store, draft);
      await deps.hubChanged?.([]);
      const { sent } = await sync(true);
      await sayRefusal(seq);
      return { id: share.id, sent: sent > 0 };
    },
    async shareOfItem({ itemId }) {
      const [item, connection] = await Promise.all([store.getItem(itemId), loadConnection(store)]);
      const share = item && (await store.shares.findByLink(item.url));
      if (!share) return {};
      // This member is said apart (« Déjà partagé par vous »), never by their own name.
      const sharers = [share.author, ...(share.sharers ?? []).map((sharer) => sharer.member)];
      const me = connection?.member.id;
      return { id: share.id, by: sharers.filter((member) => member.id !== me).map((member) => member.name), byMe: sharers.some((member) => member.id === me) };
    },
    listShares: ({ limit }) => store.shares.list(limit),
    commentShare: ({ shareId, body, replyTo }) => queued(queueComment(store, shareId, body, replyTo)),
    reactShare: ({ shareId, kind, on }) => queued(queueReaction(store, shareId, kind, on)),
    tagShare: ({ shareId, tags }) => queued(queueTags(store, shareId, tags)),
    hideShare: ({ shareId, hidden }) => queued(queueHide(store, shareId, hidden)),
    async setSharesRead({ ids }) {
      if (await store.shares.setRead(ids)) await deps.hubChanged?.([]);
      return {};
    },
    hubMembers: async () => (await admin<{ members: MemberEntry[] }>('GET', '/api/members')).members,
    hubInvite: ({ name, role }) => admin('POST', '/api/invites', { name, role }),
    async hubRevoke({ id }) {
      await admin('POST', `/api/members/${encodeURIComponent(id)}/revoke`);
      return {};
    },
    async hubPublishPack({ name }) {
      const body = name === 'sources' ? exportOpml(await store.listSources(), { title: 'Vigie — pack du COPIL' }) : rulePackJson(1, await store.rules.list());
      return admin('PUT', `/api/packs/${name}`, body, name === 'sources' ? 'text/xml' : 'application/json');
    },
    async discardPending({ seq }) {
      const entry = await store.shares.outboxEntry(seq);
      await store.shares.removeFromOutbox(seq);
      // A share that never reached the hub goes with its write (a change to one the hub has stays as pulled).
      if (entry?.kind === 'share') await store.shares.dropLocal(shareIdOf(entry));
      await deps.hubChanged?.([]);
      return hubStatus(store);
    },
  };
}
