import { describe, expect, it } from 'vitest';
import { applyRules } from '../../lib/alerts/triage';
import { alertId } from '../../lib/model/alert';
import type { Item } from '../../lib/model/item';
import type { Rule } from '../../lib/model/rule';
import type { Triage } from '../../lib/store/store';
import { makeDraft, makeSource, newStore } from '../store/fixtures';

const rule = (id: string, fields: Partial<Rule> = {}): Rule => ({
  id,
  name: `Règle ${id}`,
  enabled: true,
  priority: 'important',
  conditions: [{ fields: ['title'], mode: 'phrase', combine: 'any', terms: ['x'] }],
  actions: { alert: true, addTags: [], star: false, notify: false, proposeShare: false },
  origin: 'user',
  updated: '2026-11-01T00:00:00.000Z',
  ...fields,
});

/** A triage without the matching engine: rules match items whose title contains their id. */
const byTitle =
  (rules: Rule[], created = '2026-11-02T00:00:00.000Z'): Triage =>
  (item: Item) =>
    applyRules(item, rules.filter((r) => item.title.includes(r.id)), created);

const fetchedAt = '2026-11-02T00:00:00.000Z';

async function storeWith(rules: Rule[], titles: string[]) {
  const store = await newStore();
  await store.putSources([makeSource({ id: 'meta' })]);
  await store.saveFetch({
    source: { id: 'meta', health: { consecutiveFailures: 0 } },
    items: titles.map((title, n) => makeDraft(`i${n}`, { title })),
    fetchedAt,
    triage: byTitle(rules),
  });
  return store;
}

describe('alerts in the store', () => {
  it('raises one alert per rule and new item at ingestion, with the rules actions applied in the same write', async () => {
    const critical = rule('algo', { priority: 'critical', actions: { alert: true, addTags: ['algorithme-portee'], star: true, impact: 'high', notify: true, proposeShare: false } });
    const quiet = rule('reels', { actions: { alert: false, addTags: ['video-reels-live'], star: false, notify: false, proposeShare: false } });
    const store = await storeWith([critical, quiet], ['algo et reels', 'rien', 'reels seulement']);
    const first = await store.getItem('i0');
    expect(first).toMatchObject({ starred: true, impact: 'high', tags: ['algorithme-portee', 'video-reels-live'] });
    expect((await store.getItem('i2'))?.tags).toEqual(['video-reels-live']);
    expect((await store.alerts.list()).map((alert) => alert.id)).toEqual([alertId('algo', 'i0')]);
    expect(await store.alerts.unread()).toEqual({ count: 1, highest: 'critical' });
  });

  it('never raises an alert twice: a refetch of the same items adds none', async () => {
    const store = await storeWith([rule('algo')], ['algo']);
    await store.saveFetch({ source: { id: 'meta', health: { consecutiveFailures: 0 } }, items: [makeDraft('i0', { title: 'algo' })], fetchedAt, triage: byTitle([rule('algo')]) });
    expect(await store.alerts.list()).toHaveLength(1);
  });

  it('lists unread first, then critique, important, info, newest first; reading an item reads its alerts', async () => {
    const store = await storeWith([rule('a', { priority: 'info' }), rule('b', { priority: 'critical' }), rule('c')], ['a', 'b', 'c', 'a c']);
    expect((await store.alerts.list()).map((alert) => alert.id)).toEqual(['b|i1', 'c|i2', 'c|i3', 'a|i0', 'a|i3']);
    await store.updateItems(['i1'], { read: true });
    // Four unread alerts about three items (i3 matched two rules): the badge counts the items.
    expect(await store.alerts.unread()).toEqual({ count: 3, highest: 'important' });
    expect((await store.alerts.list()).at(-1)?.id).toBe('b|i1');
    // An item marked unread again does not ring again.
    await store.updateItems(['i1'], { read: false });
    expect((await store.alerts.get('b|i1'))?.read).toBe(true);
  });

  it('marks alerts read one by one or all at once, and tells which items they were about', async () => {
    const store = await storeWith([rule('a'), rule('b')], ['a', 'b']);
    expect(await store.alerts.setRead(['a|i0'], true)).toEqual(['i0']);
    expect((await store.alerts.unread()).count).toBe(1);
    expect(await store.alerts.setRead(undefined, true)).toEqual(['i1']);
    expect(await store.alerts.unread()).toEqual({ count: 0 });
  });

  it("drops a source's alerts with its items, and keeps them when its items are kept", async () => {
    const store = await storeWith([rule('a')], ['a']);
    await store.deleteSource('meta', true);
    expect(await store.alerts.list()).toHaveLength(1);
    await store.putSources([makeSource({ id: 'other' })]);
    await store.saveFetch({ source: { id: 'other', health: { consecutiveFailures: 0 } }, items: [makeDraft('o1', { title: 'a' })], fetchedAt, triage: byTitle([rule('a')]) });
    await store.deleteSource('other', false);
    expect((await store.alerts.list()).map((alert) => alert.itemId)).toEqual(['i0']);
  });

  it('applies a rule to stored items: alerts of items already read are filed as read', async () => {
    const store = await storeWith([], ['a lu', 'a non lu']);
    await store.updateItems(['i0'], { read: true });
    const items = [(await store.getItem('i0'))!, (await store.getItem('i1'))!];
    const added = await store.applyTriaged(items.map((item) => applyRules(item, [rule('a', { actions: { alert: true, addTags: ['ia'], star: false, notify: false, proposeShare: false } })], '2026-11-03T00:00:00.000Z')));
    expect(added.map((alert) => [alert.id, alert.read])).toEqual([
      ['a|i0', true],
      ['a|i1', false],
    ]);
    expect((await store.getItem('i0'))?.tags).toEqual(['ia']);
    expect(await store.applyTriaged(items.map((item) => applyRules(item, [rule('a')], '2026-11-04T00:00:00.000Z')))).toEqual([]);
  });
});

describe('alert rows', () => {
  it('say when a rule that fired proposes sharing the item with the COPIL', async () => {
    const { alertRows } = await import('../../lib/background/handlers/core');
    const rules = [rule('a', { actions: { alert: true, addTags: [], star: false, notify: false, proposeShare: true } }), rule('b')];
    const store = await storeWith(rules, ['a seul', 'b seul']);
    await store.rules.put(rules);
    const rows = await alertRows(store, await store.alerts.list(10), new Map());
    expect(Object.fromEntries(rows.map((row) => [row.item.title, row.proposeShare ?? false]))).toEqual({ 'a seul': true, 'b seul': false });
  });
});

describe('applyRules', () => {
  const item: Item = { id: 'x', sourceId: 's', title: 't', fetched: fetchedAt, categories: [], read: false, starred: false, tags: ['pages'] };

  it('keeps an impact a member set, and takes the strongest the rules give otherwise', () => {
    const rules = [rule('a', { actions: { alert: false, addTags: [], star: false, impact: 'low', notify: false, proposeShare: false } }), rule('b', { actions: { alert: false, addTags: ['pages'], star: false, impact: 'medium', notify: false, proposeShare: false } })];
    expect(applyRules(item, rules, fetchedAt)).toEqual({ item: { ...item, impact: 'medium' }, alerts: [] });
    expect(applyRules({ ...item, impact: 'high' }, rules, fetchedAt).item.impact).toBe('high');
  });
});
