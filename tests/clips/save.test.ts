import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../lib/background/handlers';
import type { CapturedPage } from '../../lib/clips/capture';
import { REQUESTS } from '../../lib/messages/protocol';
import type { Handlers } from '../../lib/messages/router';
import { CLIP_SOURCE_ID } from '../../lib/model/item';
import { SHARED_TAXONOMY } from '../../lib/packs/taxonomy';
import { Poller } from '../../lib/refresh/poller';
import type { VigieStore } from '../../lib/store/store';
import { makeDraft, makeSource, openTestStore, testSettings } from '../store/fixtures';

/** The clip requests against a real (fake-indexeddb) store: the page's answer checked, new items and enriched ones. */
const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const step of cleanup.splice(0)) step();
});

const PAGE: CapturedPage = {
  href: 'https://www.exemple.fr/actu/ttpa?utm_medium=email',
  title: 'Meta et le TTPA',
  siteName: 'Exemple',
  selection: 'Les annonces politiques seront refusées.',
  truncated: false,
};

/** `answer`: what the page answers to the capture (the fake stands for `scripting.executeScript`). */
async function harness(answer: unknown): Promise<{ store: VigieStore; handlers: Handlers; changed: string[][]; tagEvents: number }> {
  const store = await openTestStore();
  cleanup.push(() => store.close());
  await store.putTags(SHARED_TAXONOMY);
  const poller = new Poller({ store, broadcast: () => undefined, afterRefresh: async () => undefined, loadSettings: async () => testSettings() });
  const state = { store, handlers: undefined as unknown as Handlers, changed: [] as string[][], tagEvents: 0 };
  state.handlers = createHandlers({
    store,
    poller,
    settingsChanged: async () => undefined,
    sourcesChanged: () => undefined,
    tagsChanged: () => void state.tagEvents++,
    alertsChanged: async () => undefined,
    rulesChanged: () => undefined,
    itemsChanged: async (ids) => void state.changed.push(ids ?? []),
    capturePage: async () => answer,
  });
  return state;
}

describe('previewClip', () => {
  it('gives the checked page, the address and title the item will have, and whether it is already stored', async () => {
    const { handlers } = await harness(PAGE);
    const preview = await handlers.previewClip({ tabId: 7 });
    expect(REQUESTS.previewClip.result.safeParse(preview).success).toBe(true);
    expect(preview).toMatchObject({ url: 'https://www.exemple.fr/actu/ttpa', title: 'Meta et le TTPA', titleMissing: false, known: false });
  });

  it("refuses a page's answer that is missing, malformed or carries a whole megabyte as the quote", async () => {
    await expect((await harness(undefined)).handlers.previewClip({ tabId: 1 })).rejects.toMatchObject({ code: 'nothing' });
    await expect((await harness({ href: 42 })).handlers.previewClip({ tabId: 1 })).rejects.toMatchObject({ code: 'unreadable' });
    const megabyte = { ...PAGE, selection: 'x'.repeat(1 << 20) };
    await expect((await harness(megabyte)).handlers.previewClip({ tabId: 1 })).rejects.toMatchObject({ code: 'unreadable' });
  });

  it('says when the page has no title', async () => {
    const { handlers } = await harness({ href: 'https://www.exemple.fr/vide' });
    expect(await handlers.previewClip({ tabId: 1 })).toMatchObject({ title: 'www.exemple.fr/vide', titleMissing: true });
  });
});

describe('saveClip', () => {
  it('stores a new clip with its tags (known labels to their ids, new words to personal tags), note and impact', async () => {
    const state = await harness(PAGE);
    const { store, handlers, changed } = state;
    const saved = await handlers.saveClip({ page: PAGE, tags: ['Publicité politique', ' Élus locaux ', '', 'IA'], note: 'À suivre', impact: 'high' });
    expect(saved).toMatchObject({ title: 'Meta et le TTPA', enriched: false });
    const item = await store.getItem(saved.id);
    expect(item).toMatchObject({
      sourceId: CLIP_SOURCE_ID,
      url: 'https://www.exemple.fr/actu/ttpa',
      read: true,
      tags: ['publicite-politique', 'elus-locaux', 'ia'],
      note: 'À suivre',
      impact: 'high',
      clip: { quote: PAGE.selection, siteName: 'Exemple' },
    });
    expect((await store.listTags()).find((tag) => tag.id === 'elus-locaux')).toMatchObject({ scope: 'personal', label: { fr: 'Élus locaux' } });
    expect(state.tagEvents).toBe(1);
    expect(changed).toEqual([[saved.id]]);
    // Listed under «Clips» (the byClip index) and found by its address.
    expect(await store.db.getAllKeysFromIndex('items', 'byClip')).toEqual([saved.id]);
    expect((await store.findItemsByUrl('https://www.exemple.fr/actu/ttpa')).map((found) => found.id)).toEqual([saved.id]);
  });

  it('enriches the item a feed already brought instead of making a second one', async () => {
    const { store, handlers } = await harness(PAGE);
    await store.putSources([makeSource({ id: 'veille' })]);
    await store.saveFetch({
      source: { id: 'veille', health: { consecutiveFailures: 0 } },
      items: [makeDraft('du-flux', { url: 'https://www.exemple.fr/actu/ttpa', title: 'Titre du flux' })],
      fetchedAt: '2025-06-01T08:00:00.000Z',
    });
    await store.updateItems(['du-flux'], { tags: ['publicite'], starred: true });
    expect((await handlers.previewClip({ tabId: 1 })).known).toBe(true);

    const saved = await handlers.saveClip({ page: PAGE, tags: ['ia'], impact: 'medium' });
    expect(saved).toEqual({ id: 'du-flux', title: 'Titre du flux', enriched: true });
    expect(await store.countItems()).toBe(1);
    expect(await store.getItem('du-flux')).toMatchObject({
      sourceId: 'veille',
      title: 'Titre du flux',
      read: false,
      starred: true,
      tags: ['publicite', 'ia'],
      impact: 'medium',
      clip: { quote: PAGE.selection },
    });

    // Clipping it again still finds it.
    expect((await handlers.saveClip({ page: PAGE, tags: [] })).enriched).toBe(true);
    expect(await store.countItems()).toBe(1);
  });

  it('clipping a new page twice gives one item', async () => {
    const { store, handlers } = await harness(PAGE);
    const first = await handlers.saveClip({ page: PAGE, tags: [] });
    const second = await handlers.saveClip({ page: { ...PAGE, href: 'https://www.exemple.fr/actu/ttpa#haut' }, tags: ['ia'] });
    expect(second).toMatchObject({ id: first.id, enriched: true });
    expect(await store.countItems()).toBe(1);
  });

  it('refuses a page that is not on the web', async () => {
    const { handlers } = await harness(PAGE);
    await expect(handlers.saveClip({ page: { href: 'file:///tmp/page.html' }, tags: [] })).rejects.toMatchObject({ code: 'not-web' });
  });
});
