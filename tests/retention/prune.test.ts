import { describe, expect, it } from 'vitest';
import { alertId, type Alert } from '../../lib/model/alert';
import { HISTORY_SOURCE_ID, type Item } from '../../lib/model/item';
import type { Share } from '../../lib/model/share';
import { keepReason, retentionCutoff, type KeepContext } from '../../lib/retention/keep';
import { pruneOldItems } from '../../lib/retention/prune';
import { META } from '../../lib/store/meta-keys';
import type { VigieStore } from '../../lib/store/store';
import { inText, makeItem, makeRule } from '../rules/helpers';
import { newStore } from '../store/fixtures';

const NOW = new Date('2026-12-05T12:00:00.000Z');
/** Two years before NOW: older than any retention offered but 24 months' edge. */
const OLD = '2024-06-01T08:00:00.000Z';
const RECENT = '2026-11-01T08:00:00.000Z';

const old = (id: string, fields: Partial<Item> = {}): Item => makeItem({ id, sourceId: 'blog', url: `https://news.example/${id}`, title: `Titre ${id}`, published: OLD, fetched: OLD, read: true, ...fields });

const alertOn = (itemId: string, read: boolean, ruleId = 'r'): Alert => ({ id: alertId(ruleId, itemId), ruleId, ruleName: 'Règle', itemId, priority: 'info', created: OLD, read });

async function ids(store: VigieStore): Promise<string[]> {
  return (await store.exportAll()).items.map((item) => item.id).sort();
}

describe('the retention rule', () => {
  const context: KeepContext = { cutoff: retentionCutoff(12, NOW)!, sharedUrls: new Set(['https://news.example/shared']), ruleTags: () => new Set(['by-rule']) };

  it('cuts N months before now, and never for « toujours »', () => {
    expect(retentionCutoff(12, NOW)).toBe('2025-12-05T12:00:00.000Z');
    expect(retentionCutoff(3, NOW)).toBe('2026-09-05T12:00:00.000Z');
    expect(retentionCutoff(null, NOW)).toBeUndefined();
  });

  it('removes an old item nobody worked on, dated by its publication, else by when Vigie first saw it', () => {
    expect(keepReason(old('a'), [], context)).toBeUndefined();
    expect(keepReason(old('b', { published: undefined }), [], context)).toBeUndefined();
    expect(keepReason(old('c', { published: RECENT }), [], context)).toBe('recent');
    expect(keepReason(old('d', { published: undefined, fetched: RECENT }), [], context)).toBe('recent');
  });

  it('keeps an old article Vigie first saw recently (a feed still lists it: it must not come back as new)', () => {
    expect(keepReason(old('a', { fetched: RECENT }), [], context)).toBe('recent');
  });

  it('keeps, however old, what the member worked on', () => {
    expect(keepReason(old('a', { starred: true }), [], context)).toBe('starred');
    expect(keepReason(old('a', { note: 'À relayer aux élus' }), [], context)).toBe('noted');
    expect(keepReason(old('a', { note: '  ' }), [], context)).toBeUndefined();
    expect(keepReason(old('a', { clip: { clippedAt: OLD } }), [], context)).toBe('clipped');
    expect(keepReason(old('shared'), [], context)).toBe('shared');
    expect(keepReason(old('a'), [{ read: true }, { read: false }], context)).toBe('unread-alert');
    expect(keepReason(old('a'), [{ read: true }], context)).toBeUndefined();
    expect(keepReason(old('a', { sourceId: HISTORY_SOURCE_ID }), [], context)).toBe('history');
  });

  it('keeps an item tagged by the member, not one tagged only by the rules', () => {
    expect(keepReason(old('a', { tags: ['by-rule'] }), [], context)).toBeUndefined();
    expect(keepReason(old('a', { tags: ['by-rule', 'mine'] }), [], context)).toBe('tagged');
  });
});

describe('pruning the store', () => {
  it('removes the old items nobody worked on with their read alerts, keeps the rest, and says what it removed', async () => {
    const store = await newStore();
    await store.rules.put([makeRule([inText('words', 'any', ['algorithme'])], { id: 'r', actions: { alert: true, addTags: ['algorithme-portee'], star: false, notify: false, proposeShare: false } })]);
    await store.putItems([
      old('plain'),
      old('undated', { published: undefined }),
      old('recent', { published: RECENT, fetched: RECENT }),
      old('starred', { starred: true }),
      old('noted', { note: 'Conseil : prévenir le cabinet' }),
      old('clipped', { sourceId: 'clips', clip: { clippedAt: OLD } }),
      old('shared-by-hub'),
      old('shared-waiting'),
      old('unread-alert', { read: false }),
      old('read-alert'),
      // The rule gives this tag to this item: not the member's.
      old('rule-tagged', { title: "L'algorithme change", tags: ['algorithme-portee'] }),
      // No rule gives « mine »: the member set it.
      old('member-tagged', { tags: ['mine'] }),
      old('history', { sourceId: HISTORY_SOURCE_ID }),
    ]);
    await store.applyTriaged([
      { item: old('unread-alert', { read: false }), alerts: [alertOn('unread-alert', false)] },
      { item: old('read-alert'), alerts: [alertOn('read-alert', true)] },
      { item: old('recent', { published: RECENT, fetched: RECENT }), alerts: [alertOn('recent', true)] },
    ]);
    // A share from the hub, and one of this member's still in the outbox, both by address.
    const share: Share = {
      kind: 'item', url: 'https://news.example/shared-by-hub', title: 'Partagé', tags: [], id: 'share-1', author: { id: 'm2', name: 'Bruno', role: 'member' },
      created: OLD, updated: OLD, hidden: false, seq: 1, comments: [], reactions: { useful: [], seen: [] },
    };
    await store.shares.applyPulled([share], 'm1');
    await store.shares.enqueue({ method: 'PUT', path: '/api/shares/x', body: { kind: 'item', url: 'https://news.example/shared-waiting', title: 'En attente', tags: [] }, kind: 'share', label: 'En attente', created: RECENT, attempts: 0 });

    const report = await pruneOldItems(store, 12, { now: NOW });

    expect(report?.ids.sort()).toEqual(['plain', 'read-alert', 'rule-tagged', 'undated']);
    expect(report).toMatchObject({ at: NOW.toISOString(), items: 4, alerts: 1 });
    expect(await ids(store)).toEqual(['clipped', 'history', 'member-tagged', 'noted', 'recent', 'shared-by-hub', 'shared-waiting', 'starred', 'unread-alert']);
    expect((await store.exportAll()).alerts.map((alert) => alert.itemId).sort()).toEqual(['recent', 'unread-alert']);
    expect(await store.getMeta(META.lastPrune)).toEqual({ at: NOW.toISOString(), items: 4, alerts: 1 });
  });

  it('is idempotent: a second run removes nothing and says so', async () => {
    const store = await newStore();
    await store.putItems([old('a'), old('b'), old('kept', { starred: true })]);
    expect((await pruneOldItems(store, 12, { now: NOW }))?.items).toBe(2);
    const again = await pruneOldItems(store, 12, { now: NOW });
    expect(again).toMatchObject({ items: 0, alerts: 0, ids: [] });
    expect(await ids(store)).toEqual(['kept']);
    expect(await store.getMeta(META.lastPrune)).toEqual({ at: NOW.toISOString(), items: 0, alerts: 0 });
  });

  it('prunes nothing and records nothing for « toujours »', async () => {
    const store = await newStore();
    await store.putItems([old('a')]);
    expect(await pruneOldItems(store, null, { now: NOW })).toBeUndefined();
    expect(await ids(store)).toEqual(['a']);
    expect(await store.getMeta(META.lastPrune)).toBeUndefined();
  });

  it('works in small transactions, one per batch, between which the store takes other writes', async () => {
    const store = await newStore();
    await store.putItems([...Array.from({ length: 45 }, (_, index) => old(`item-${String(index).padStart(2, '0')}`)), old('z-late')]);
    const batches: number[] = [];
    const report = await pruneOldItems(store, 12, {
      now: NOW,
      batch: 10,
      afterBatch: async (removed) => {
        batches.push(removed.length);
        // Another write lands between two batches (a member starring an item): it is not kept waiting, and counts.
        if (batches.length === 1) await store.updateItems(['z-late'], { starred: true });
      },
    });
    expect(batches).toEqual([10, 10, 10, 10, 5]);
    expect(report?.items).toBe(45);
    expect(await ids(store)).toEqual(['z-late']);
  });
});
