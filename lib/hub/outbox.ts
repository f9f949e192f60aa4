import type { HubConnection } from '../model/hub-connection';
import type { Item } from '../model/item';
import { ShareDraftSchema, type Share } from '../model/share';
import type { Priority } from '../model/vocabulary';
import type { OutboxRecord } from '../store/schema';
import type { VigieStore } from '../store/store';
import { HubError } from './client';
import { loadConnection } from './connection';
import { pendingShare, shareDraftOf } from './share-draft';

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

export async function queueShare(store: VigieStore, item: Item, options: { sourceTitle?: string; priority?: Priority }): Promise<Share> {
  const connection = await connected(store);
  const draft = ShareDraftSchema.parse(shareDraftOf(item, options));
  const id = crypto.randomUUID();
  const share = pendingShare(id, draft, connection.member, new Date().toISOString());
  await store.shares.enqueue(entry({ method: 'PUT', path: `/api/shares/${id}`, body: draft, kind: 'share', label: shortLabel(draft.title) }));
  await store.shares.putPending(share);
  return share;
}

export async function queueComment(store: VigieStore, shareId: string, body: string): Promise<void> {
  await connected(store);
  const id = crypto.randomUUID();
  await store.shares.enqueue(entry({ method: 'PUT', path: `/api/shares/${encodeURIComponent(shareId)}/comments/${id}`, body: { body }, kind: 'comment', label: shortLabel(body) }));
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
