import type { Fiche } from '../model/fiche';
import type { HubConnection } from '../model/hub-connection';
import type { Settings } from '../model/settings';
import { ChangesSchema, JoinAnswerSchema, ShareSchema, type Share } from '../model/share';
import { applyHubPacks } from '../packs/hub-packs';
import { META } from '../store/meta-keys';
import type { OutboxRecord } from '../store/schema';
import type { VigieStore } from '../store/store';
import { HubError, hubFetch } from './client';
import { loadConnection, normalizeHubUrl, saveConnection } from './connection';
import { pullFiches } from './fiches';
import { shareIdOf } from './outbox';

/**
 * The extension's side of the COPIL hub: joining with an invite code, the outbox (writes made offline wait
 * in IndexedDB and go out in order when the hub answers), and the pull of what changed since the last one.
 * Runs in the background on the feeds' alarm.
 */

/** Trades the invite code for this member's tokens; the page asked for the hub's origin before. */
export async function connect(store: VigieStore, input: string, code: string): Promise<HubConnection> {
  const url = normalizeHubUrl(input);
  if (!url) throw new HubError('invalid-url', input);
  const answer = JoinAnswerSchema.parse(await hubFetch(url, undefined, 'POST', '/api/join', { code: code.trim() }));
  const connection: HubConnection = {
    url, token: answer.token, feedToken: answer.feedToken, member: answer.member, hubName: answer.hub.name, hubVersion: answer.hub.version, cursor: 0, packs: { sources: 0, rules: 0 },
  };
  await store.shares.clear();
  await store.deleteMeta(META.fiches);
  await saveConnection(store, connection);
  return connection;
}

const note = (connection: HubConnection, error: unknown): HubConnection => {
  if (!(error instanceof HubError) || error.code === 'invalid-url') throw error;
  return { ...connection, problem: { code: error.code, detail: error.detail, ...(error.refusal ? { refusal: error.refusal } : {}), at: new Date().toISOString() } };
};

/**
 * Sends the outbox, oldest first. A refusal (4xx) is kept and marked with the hub's words, and the next
 * entry goes; an unreachable hub stops the round, so that order is kept for the next one.
 */
export async function flushOutbox(store: VigieStore, connection: HubConnection): Promise<{ sent: number; stopped?: HubError }> {
  let sent = 0;
  for (const entry of await store.shares.outbox()) {
    if (entry.refused) continue;
    try {
      const answer = await hubFetch<unknown>(connection.url, connection.token, entry.method, entry.path, entry.body);
      await store.shares.removeFromOutbox(entry.seq!);
      const share = ShareSchema.safeParse(answer);
      if (share.success) {
        // The hub answered with the article's existing share (a colleague's, or this member's from another
        // device): the copy shown while waiting goes, the share it joined takes its place.
        const sentAs = shareIdOf(entry);
        if (entry.kind === 'share' && sentAs !== share.data.id) await store.shares.remove(sentAs);
        await store.shares.applyPulled([share.data], connection.member.id);
      }
      sent++;
    } catch (error) {
      if (!(error instanceof HubError)) throw error;
      const failed: OutboxRecord = {
        ...entry,
        attempts: entry.attempts + 1,
        lastError: error.detail,
        ...(error.code === 'refused' ? { refused: true, ...(error.refusal ? { refusal: error.refusal } : {}) } : {}),
      };
      await store.shares.updateOutbox(failed);
      if (error.code !== 'refused') return { sent, stopped: error };
    }
  }
  return { sent };
}

/** At most this many pages of changes per pull: a member back from holidays catches up over a few alarms. */
const MAX_PAGES = 20;

/** Pulls what changed since the cursor. Returns others' new shares (the badge and notifications use them). */
async function pull(store: VigieStore, connection: HubConnection, settings: Settings): Promise<{ connection: HubConnection; added: Share[]; fiches: Fiche[]; fichesRead: boolean }> {
  const added: Share[] = [];
  let next = connection;
  let fichesSeq: number | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const changes = ChangesSchema.parse(await hubFetch(next.url, next.token, 'GET', `/api/changes?since=${next.cursor}&limit=200`));
    added.push(...(await store.shares.applyPulled(changes.shares, next.member.id)));
    next = { ...next, cursor: changes.cursor, ...(changes.hub ? { hubVersion: changes.hub.version } : {}) };
    next = { ...next, packs: await applyHubPacks(store, next, changes.packs, settings) };
    fichesSeq = changes.fiches;
    await saveConnection(store, next);
    if (!changes.more) break;
  }
  // Hubs from 1.5.0 say where their fiches stand: read again only when that moved.
  const fiches = fichesSeq === undefined ? { read: false, changed: [] } : await pullFiches(store, next, fichesSeq);
  return { connection: next, added, fiches: fiches.changed, fichesRead: fiches.read };
}

export interface SyncResult {
  connected: boolean;
  sent: number;
  added: Share[];
  /** Fiches conseils a colleague changed since the last pull (for the notification). */
  fiches: Fiche[];
  /** Whether the fiches' copy was read again (open pages show it). */
  fichesRead: boolean;
  problem?: HubConnection['problem'];
}

/** One round: the outbox first (so the pull brings back this member's own writes as the hub has them), then the pull. */
export async function syncHub(store: VigieStore, settings: Settings): Promise<SyncResult> {
  let connection = await loadConnection(store);
  if (!connection) return { connected: false, sent: 0, added: [], fiches: [], fichesRead: false };
  const { problem: _previous, ...fresh } = connection;
  let sent = 0;
  let added: Share[] = [];
  let fiches: Fiche[] = [];
  let fichesRead = false;
  try {
    const flushed = await flushOutbox(store, connection);
    sent = flushed.sent;
    if (flushed.stopped) throw flushed.stopped;
    const pulled = await pull(store, fresh, settings);
    connection = { ...pulled.connection, lastPull: new Date().toISOString() };
    added = pulled.added;
    fiches = pulled.fiches;
    fichesRead = pulled.fichesRead;
    // Joining a hub brings its history: seen, not new. The badge and notifications are for what comes after.
    if (!fresh.lastPull) {
      await store.shares.setRead();
      added = [];
    }
  } catch (error) {
    connection = note((await loadConnection(store)) ?? connection, error);
  }
  await saveConnection(store, connection);
  return { connected: true, sent, added, fiches, fichesRead, ...(connection.problem ? { problem: connection.problem } : {}) };
}
