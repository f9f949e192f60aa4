import type { HubConnection } from '../model/hub-connection';
import type { Item } from '../model/item';
import type { RexDraft } from '../model/rex';
import { ShareDraftSchema, type Share, type SharedRow } from '../model/share';
import type { Priority } from '../model/vocabulary';
import { contentLanguage } from '../reader/language';
import { loadSettings } from '../settings/settings';
import type { OutboxRecord } from '../store/schema';
import type { VigieStore } from '../store/store';
import { HubError } from './client';
import { loadConnection } from './connection';
import { pendingShare, shareDraftOf, tagLabelsOf } from './share-draft';
import { HUB_REX, HUB_SHARE_LABELS, HUB_SHARE_LANGUAGE, hubHas } from './version';

/**
 * Every write to the hub goes through the outbox: queued here with a client-made id (so sending it twice
 * creates nothing twice), then sent by the next sync. Offline, it simply waits.
 */
async function connected(store: VigieStore): Promise<HubConnection> {
  const connection = await loadConnection(store);
  if (!connection) throw new HubError('refused', 'not connected to a hub');
  return connection;
}

const entry = (fields: Omit<OutboxRecord, 'created' | 'attempts'>): OutboxRecord => ({ ...fields, created: new Date().toISOString(), attempts: 0 });

const shortLabel = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);

/**
 * Shares an item, or updates its share: the same article shared again (a second click, another device, a
 * colleague's share of it already pulled) goes under the existing share's id, and a share still waiting in
 * the outbox is rewritten rather than queued twice. The hub keeps one share per article in any case.
 */
export async function queueShare(store: VigieStore, item: Item, options: { sourceTitle?: string; sourceLanguage?: string; priority?: Priority }): Promise<{ share: Share; update: boolean; seq: number }> {
  const connection = await connected(store);
  // Older hubs refuse a field they do not know: labels go only to a hub that keeps them.
  const tags = hubHas(connection.hubVersion, HUB_SHARE_LABELS) ? await store.listTags() : undefined;
  const language = (await loadSettings(store)).language === 'en' ? 'en' : 'fr';
  const { sourceLanguage, ...shown } = options;
  const wordsLanguage = hubHas(connection.hubVersion, HUB_SHARE_LANGUAGE) ? contentLanguage(item.language, sourceLanguage) : undefined;
  const draft = ShareDraftSchema.parse(shareDraftOf(item, { ...shown, ...(tags ? { tags, language } : {}), ...(wordsLanguage ? { wordsLanguage } : {}) }));
  const existing = await store.shares.findByLink(draft.url);
  const id = existing?.id ?? crypto.randomUUID();
  const path = `/api/shares/${id}`;
  const waiting = (await store.shares.outbox()).find((queued) => !queued.refused && queued.method === 'PUT' && queued.path === path);
  if (waiting) await store.shares.updateOutbox({ ...waiting, body: draft, label: shortLabel(draft.title) });
  const seq = waiting?.seq ?? (await store.shares.enqueue(entry({ method: 'PUT', path, body: draft, kind: 'share', label: shortLabel(draft.title) })));
  const now = new Date().toISOString();
  // This member's own share shows their update at once; a colleague's stays as the hub last said until the pull.
  if (!existing) await store.shares.putPending(pendingShare(id, draft, connection.member, now), { local: true });
  else if (existing.author.id === connection.member.id) await store.shares.putPending({ ...toShare(existing), ...draft, updated: now });
  return { share: existing ? toShare(existing) : pendingShare(id, draft, connection.member, now), update: !!existing, seq };
}

const toShare = ({ unread: _unread, pending: _pending, ...share }: SharedRow): Share => share;

/**
 * A « retour d'expérience » written by this member, queued like a share (kind rex) under a new id, and shown
 * at once in their list as waiting. A hub older than 1.4.0 would refuse it: the member is told before anything
 * is queued.
 */
export async function queueRex(store: VigieStore, fields: RexDraft): Promise<{ share: Share; seq: number }> {
  const connection = await connected(store);
  if (!hubHas(connection.hubVersion, HUB_REX)) throw new HubError('refused', `hub ${connection.hubVersion ?? 'older than 1.1.0'} does not know « retours d'expérience » (hub 1.4.0 or later)`);
  const tags = await store.listTags();
  const language = (await loadSettings(store)).language === 'en' ? 'en' : 'fr';
  const labels = tagLabelsOf(fields.tags, tags, language);
  const draft = ShareDraftSchema.parse({ kind: 'rex', ...fields, ...(Object.keys(labels).length ? { tagLabels: labels } : {}) });
  const id = crypto.randomUUID();
  const seq = await store.shares.enqueue(entry({ method: 'PUT', path: `/api/shares/${id}`, body: draft, kind: 'share', label: shortLabel(draft.title) }));
  const share = pendingShare(id, draft, connection.member, new Date().toISOString());
  await store.shares.putPending(share, { local: true });
  return { share, seq };
}

/** The share an outbox entry writes (`/api/shares/<id>`, or one of its comments, reactions or tags). */
export const shareIdOf = (entry: Pick<OutboxRecord, 'path'>): string => decodeURIComponent(entry.path.split('/')[3] ?? '');

/**
 * After the sync that follows a share's write (`seq`, its place in the outbox): the hub's refusal of it (too
 * large for this hub, say), as the error the page words. The member is told then, rather than « it will go at
 * the next connection ». A refused share the hub never had goes with its write (the form, or the item, still
 * holds everything, to shorten and send again); a refused change to one it has stays in the outbox with the
 * hub's words, for Paramètres' pending list.
 */
export async function refusalOf(store: VigieStore, seq: number): Promise<HubError | undefined> {
  const refused = await store.shares.outboxEntry(seq);
  if (!refused?.refused) return undefined;
  if (await store.shares.dropLocal(shareIdOf(refused))) await store.shares.removeFromOutbox(seq);
  return new HubError('refused', refused.lastError ?? 'refused', undefined, refused.refusal ? { error: refused.refusal } : undefined);
}

/** `replyTo`: the comment answered; an older hub, which knows no replies, gets a plain comment. */
export async function queueComment(store: VigieStore, shareId: string, body: string, replyTo?: string): Promise<void> {
  const connection = await connected(store);
  const id = crypto.randomUUID();
  const answers = replyTo && hubHas(connection.hubVersion, HUB_SHARE_LABELS) ? { replyTo } : {};
  await store.shares.enqueue(entry({ method: 'PUT', path: `/api/shares/${encodeURIComponent(shareId)}/comments/${id}`, body: { body, ...answers }, kind: 'comment', label: shortLabel(body) }));
}

export async function queueReaction(store: VigieStore, shareId: string, kind: 'useful' | 'seen', on: boolean): Promise<void> {
  await connected(store);
  const path = `/api/shares/${encodeURIComponent(shareId)}/reactions/${kind}`;
  await store.shares.enqueue(entry({ method: on ? 'PUT' : 'DELETE', path, kind: 'reaction', label: kind }));
}

/** Any member may add tags to a share (the shared taxonomy is everyone's). */
export async function queueTags(store: VigieStore, shareId: string, tags: string[]): Promise<void> {
  await connected(store);
  await store.shares.enqueue(entry({ method: 'POST', path: `/api/shares/${encodeURIComponent(shareId)}/tags`, body: { add: tags }, kind: 'tags', label: tags.join(', ') }));
}

/** Admins hide a share from the collective (or show it again); the hub refuses anyone else. */
export async function queueHide(store: VigieStore, shareId: string, hidden: boolean): Promise<void> {
  await connected(store);
  const share = await store.shares.get(shareId);
  await store.shares.enqueue(entry({ method: 'PATCH', path: `/api/shares/${encodeURIComponent(shareId)}`, body: { hidden }, kind: 'edit', label: share?.title ?? shareId }));
}
