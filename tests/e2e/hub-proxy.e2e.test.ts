import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientId, createStorage, draft, skipped, startHub, type HubStorage, type TestHub } from '../hub/helpers/hub-process';
import { certutilMissing, freePort, httpsApi, proxyMissing, scratch, selfSignedCertificate, startNginx, type Certificate, type Nginx } from '../hub/helpers/proxy';
import { startServer, type TestServer } from '../support/http-server';
import { BROWSER, browserTitle, canRun, loadExtension, type LoadedExtension } from './extension';

/**
 * The COPIL hub as a collectivité deploys it: two hub processes on one PostgreSQL behind nginx with TLS
 * (hub/deploy/nginx/vigie-hub.conf, a self-signed certificate the browser is told to trust), and the
 * extension speaking to it only through https://: it joins with an invite code, hears another member's
 * share live on its open dashboard, shares a clip, and its Atom feed address is the public https one.
 * Chromium trusts the certificate by its key's hash; Firefox, its authority put in the profile with certutil.
 */

const PAGE = '<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Pages : la portée organique en baisse</title></head><body><p id="quote">La portée des Pages publiques baisse encore.</p></body></html>';

describe.skipIf(!canRun || skipped('postgres') || proxyMissing() || (BROWSER === 'firefox' && certutilMissing()))(`the hub behind nginx with TLS, from the extension in ${browserTitle}`, () => {
  let storage: HubStorage;
  let hubs: TestHub[] = [];
  let nginx: Nginx;
  let cert: Certificate;
  let server: TestServer;
  let member: LoadedExtension;
  let base: string;
  let dir: string;

  beforeAll(async () => {
    dir = scratch('vigie-e2e-proxy-');
    cert = selfSignedCertificate(dir);
    const port = await freePort();
    base = `https://127.0.0.1:${port}`;
    storage = await createStorage('postgres');
    const env = { HUB_PUBLIC_URL: base, HUB_RATE_LIMIT: '100000' };
    hubs = [await startHub('postgres', { storage, env })];
    hubs.push(await startHub('postgres', { storage, env }));
    nginx = await startNginx(dir, { port, upstreams: hubs.map((hub) => hub.port), cert });
    server = await startServer({ '/actu/pages': (_request, response) => void response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE) });
    member = await loadExtension({ trust: { spki: cert.spki, caFile: cert.caFile } });
  }, 90_000);

  afterAll(async () => {
    await member?.close();
    await server?.close();
    await nginx?.stop();
    await Promise.all(hubs.map((hub) => hub.stop()));
    await storage?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('joins, hears a share live, shares a clip and gives its Atom feed, all through https://', { timeout: 90_000 }, async () => {
    const code = await hubs[0]!.invite('Camille Martin');
    const settings = await member.open('dashboard.html#/settings');
    await settings.getByLabel('Adresse du hub').fill(base);
    await settings.getByLabel('Code d’invitation').fill(code);
    await settings.getByRole('button', { name: 'Se connecter au hub' }).click();
    await expect.poll(() => settings.locator('[data-hub-state="connected"]').textContent(), { timeout: 15_000 }).toContain('en tant que Camille Martin');

    // Another member shares through the proxy; the extension's open dashboard hears of it on its stream.
    const other = await httpsApi(base, '/api/join', cert.pem, { body: { code: await hubs[1]!.invite('Dominique Petit') } });
    const copil = await member.open('dashboard.html#/copil');
    await expect.poll(() => copil.locator('.new-count').count(), { timeout: 15_000 }).toBe(1);
    const share = draft({ title: 'Meta retire les publications politiques sponsorisées' });
    expect((await httpsApi(base, `/api/shares/${clientId()}`, cert.pem, { method: 'PUT', token: other.json.token, body: share })).status).toBe(201);
    await expect.poll(() => copil.locator('.share', { hasText: share.title }).count(), { timeout: 10_000 }).toBe(1);

    // The extension shares a clip: it reaches the hub through the proxy.
    const { page: tab, tabId } = await member.openTab(server.url('/actu/pages'));
    await tab.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById('quote') as HTMLElement);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
    });
    const popup = await member.open(`popup.html?tab=${tabId}`);
    await popup.getByRole('button', { name: 'Cliper cette page' }).click();
    await popup.getByLabel('Note').fill('À relayer au service communication');
    await popup.getByRole('checkbox', { name: 'Partager avec le COPIL' }).check();
    await popup.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => popup.locator('.clip [role="status"]').textContent(), { timeout: 15_000 }).toBe('Clipé Partagé avec le COPIL.');
    const changes = await httpsApi(base, '/api/changes?since=0', cert.pem, { token: other.json.token });
    expect(changes.json.shares.map((s: { title: string }) => s.title)).toContain('Pages : la portée organique en baisse');

    // Its Atom feed: the public https address, served through the proxy with both shares.
    const status = (await member.request('hubStatus')).result;
    expect(status.feedUrl).toMatch(new RegExp(`^${base.replace(/[.]/g, '\\.')}/feed/`));
    const feed = await httpsApi(base, status.feedUrl.slice(base.length), cert.pem);
    expect(feed.status).toBe(200);
    expect(feed.text).toContain(share.title);
    expect(feed.text).toContain('Pages : la portée organique en baisse');
  });
});
