import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Source } from '../../lib/model/source';
import { refreshOne } from '../../lib/refresh/refresh';
import type { VigieStore } from '../../lib/store/store';
import { makeSource, openTestStore, testSettings } from '../store/fixtures';
import { startServer, type TestServer } from '../support/http-server';

/**
 * A page monitor through the real refresh: each check against a local server, the store on fake-indexeddb.
 * What must hold: a baseline first, an item with its diff on a text change, nothing on a markup change, and
 * every kind of unreadable page reported as the source's error with the recorded versions left intact.
 */
const fixture = (name: string) => readFileSync(`tests/fixtures/monitors/${name}`);

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function setUp(): Promise<{ store: VigieStore; server: TestServer; serve: (body: Buffer | string, type?: string) => void; source: Source }> {
  const store = await openTestStore();
  cleanup.push(() => store.close());
  let answer: { body: Buffer | string; type: string } = { body: fixture('policy-v1.html'), type: 'text/html; charset=utf-8' };
  const server = await startServer({
    '/regles.html': (_, response) => void response.writeHead(200, { 'Content-Type': answer.type }).end(answer.body),
    '/connexion': (_, response) => void response.writeHead(200, { 'Content-Type': 'text/html' }).end('<html><head><title>Se connecter</title></head><body><form><input type="password"></form></body></html>'),
    '/vers-connexion.html': (_, response) => void response.writeHead(302, { Location: '/connexion' }).end(),
  });
  cleanup.push(() => server.close());
  const source = makeSource({ id: 'regles', url: server.url('/regles.html'), kind: 'page', title: 'Règles publicitaires', monitor: { select: ['main'], remove: ['.share'], retention: 2 } });
  await store.putSources([source]);
  return { store, server, source, serve: (body, type = 'text/html; charset=utf-8') => (answer = { body, type }) };
}

const check = async (store: VigieStore, source: Source, settings = testSettings()) => refreshOne((await store.getSource(source.id)) as Source, { store, settings });

describe('page monitors', () => {
  it('keeps a baseline, then turns a change of text into an item with its diff; markup alone changes nothing', async () => {
    const { store, source, serve } = await setUp();
    expect(await check(store, source)).toMatchObject({ status: 'updated', added: [] });
    expect(await store.versions.list(source.id)).toHaveLength(1);

    serve(fixture('policy-v1-markup.html'));
    expect((await check(store, source)).added).toEqual([]);
    expect(await store.versions.list(source.id)).toHaveLength(1);

    serve(fixture('policy-v2.html'));
    const { added } = await check(store, source);
    expect(added).toHaveLength(1);
    const item = await store.getItem(added[0] as string);
    expect(item?.change?.kind).toBe('page');
    expect(item?.change?.documents[0]?.parts.some((part) => part.op === 'insert' && /30 jours/.test(part.text))).toBe(true);
    // Search and rules read the added words from the summary.
    expect(item?.summary).toMatch(/30 jours/);
    expect(await store.versions.list(source.id)).toHaveLength(2);
  });

  it('keeps only as many versions as the page allows', async () => {
    const { store, source, serve } = await setUp();
    for (const page of ['policy-v1.html', 'policy-v2.html', 'policy-v1.html']) {
      serve(fixture(page));
      await check(store, source);
    }
    const versions = await store.versions.list(source.id);
    expect(versions).toHaveLength(2);
    expect(versions[1]?.text).toMatch(/sauf pour les thèmes sensibles/);
  });

  it('reports a vanished part, binary content, a login page and an oversized answer as errors, keeping what was recorded', async () => {
    const { store, source, serve, server } = await setUp();
    await check(store, source);
    const recorded = await store.versions.list(source.id);
    const items = await store.countItems();
    const failures: [string, () => void | Promise<void>, ReturnType<typeof testSettings>?][] = [
      ['no-match', () => serve(fixture('policy-gone.html'))],
      ['binary', () => serve(Buffer.from('%PDF-1.7\n\u0000\u0001binaire'), 'application/pdf')],
      ['too-large', () => serve('<html><body><main>' + 'mot '.repeat(400_000) + '</main></body></html>'), testSettings({ maxResponseMegabytes: 1 })],
      ['login', () => void store.putSources([{ ...source, url: server.url('/vers-connexion.html') }])],
    ];
    for (const [code, arrange, settings] of failures) {
      await arrange();
      const outcome = await check(store, source, settings);
      expect(outcome.status, code).toBe('failed');
      expect(outcome.error?.code).toBe(code);
      expect((await store.getSource(source.id))?.health.lastError?.code).toBe(code);
      expect(await store.versions.list(source.id)).toEqual(recorded);
      expect(await store.countItems()).toBe(items);
    }
  });

  it("reads a document of several pages (OTA's combine) in order; a page that fails is named, and the others' text is not recorded as a deletion", async () => {
    const store = await openTestStore();
    cleanup.push(() => store.close());
    const pages: Record<string, string> = {
      '/cg/': '<html><body><main id="c"><h1>Community Standards</h1><p>Intro</p></main><nav>Menu</nav></body></html>',
      '/cg/violence/': '<html><body><main id="c"><h2>Violence</h2><p>We remove threats.</p><div role="tablist">Onglets</div></main></body></html>',
      '/cg/fraud/': '<html><body><main id="c"><h2>Fraud</h2><p>We remove scams.</p></main></body></html>',
    };
    const server = await startServer(Object.fromEntries(Object.keys(pages).map((path) => [path, (_: unknown, response: import('node:http').ServerResponse) => void response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(pages[path])])));
    cleanup.push(() => server.close());
    const monitor = {
      select: ['#c'],
      remove: [],
      retention: 5,
      pages: [
        { url: server.url('/cg/'), select: ['#c'], remove: [] },
        { url: server.url('/cg/violence/'), select: ['#c'], remove: ['div[role=tablist]'] },
        { url: server.url('/cg/fraud/'), select: ['#c'], remove: [] },
      ],
    };
    const source = makeSource({ id: 'cg', url: server.url('/cg/'), kind: 'page', title: 'Facebook — Community Guidelines', monitor });
    await store.putSources([source]);
    await check(store, source);
    expect((await store.versions.list(source.id))[0]?.text).toBe('Community Standards\nIntro\nViolence\nWe remove threats.\nFraud\nWe remove scams.');

    pages['/cg/fraud/'] = '<html><body><main id="c"><h2>Fraud</h2><p>We remove scams and fake giveaways.</p></main></body></html>';
    const changed = await check(store, source);
    expect(changed.added).toHaveLength(1);
    const item = await store.getItem(changed.added[0] as string);
    expect(item?.change?.documents[0]?.parts.filter((part) => part.op === 'insert').map((part) => part.text.trim())).toEqual(['and fake giveaways']);

    // The second page loses its watched part: the check fails naming it; nothing new is recorded.
    pages['/cg/violence/'] = '<html><body><p>Page not found</p></body></html>';
    const failed = await check(store, source);
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'no-match', page: `2/3 ${server.url('/cg/violence/')}` } });
    expect(await store.versions.list(source.id)).toHaveLength(2);
    expect((await store.getSource(source.id))?.health.lastError?.page).toBe(`2/3 ${server.url('/cg/violence/')}`);
  });
});
