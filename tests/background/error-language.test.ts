// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { errorText } from '../../components/ui/error-text';
import { describeError } from '../../lib/background/errors';
import { HubError } from '../../lib/hub/client';
import { initLanguage, LANGUAGE_KEY } from '../../lib/i18n/browser';
import { request, RequestError } from '../../lib/messages/client';
import { route, type Handlers } from '../../lib/messages/router';
import { FeedError } from '../../lib/model/feed-error';
import { StoreError } from '../../lib/model/store-error';
import en from '../../public/_locales/en/messages.json';
import { speakFrench } from '../components/french';

/**
 * A member who chose English in a French browser: the background's refusal reaches the page as data, and
 * the page words it in English (the background only speaks the browser's French).
 */
beforeEach(() => {
  fakeBrowser.reset();
  speakFrench();
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('fr-FR');
  vi.stubGlobal('fetch', async () => new Response(JSON.stringify(en)));
});
afterEach(() => vi.unstubAllGlobals());

/** A background whose handlers throw `error`, answering through the real router and describeError. */
function backgroundThrowing(error: unknown): void {
  const handlers = new Proxy({} as Handlers, {
    get: () => async () => {
      throw error;
    },
  });
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => route(message, handlers, { describe: describeError }));
}

/** What the page caught from a request (the test fails on the assertions if nothing was thrown). */
const refusal = (run: () => Promise<unknown>): Promise<unknown> => run().then(() => undefined, (error: unknown) => error);

describe("errors in the member's language", () => {
  it('words a background error in English when English is stored, in a French browser', async () => {
    await fakeBrowser.storage.local.set({ [LANGUAGE_KEY]: 'en' });
    await initLanguage();
    backgroundThrowing(new HubError('unreachable', 'ECONNREFUSED'));
    const error = await refusal(() => request('hubStatus', {}));
    expect(error).toBeInstanceOf(RequestError);
    expect(errorText(error)).toBe('The hub does not answer: ECONNREFUSED');
    // Code that still reads `message` reads the same words.
    expect((error as RequestError).message).toBe('The hub does not answer: ECONNREFUSED');
  });

  it("words it in the browser's French when nothing else is stored", async () => {
    await initLanguage();
    backgroundThrowing(new FeedError('not-a-feed', 'HTML'));
    const error = await refusal(() => request('addSource', { url: 'https://example.org/' }));
    expect(errorText(error)).toBe("Ce n'est pas un flux RSS, Atom ou JSON Feed (HTML)");
  });

  it('words a store made by a newer Vigie in the stored English, with the versions found and supported', async () => {
    await fakeBrowser.storage.local.set({ [LANGUAGE_KEY]: 'en' });
    await initLanguage();
    backgroundThrowing(new StoreError('store-newer', { found: 6, supported: 5 }));
    const error = await refusal(() => request('summary', {}));
    expect(errorText(error)).toBe('This data comes from a newer version of Vigie (database version 6; this version of Vigie reads up to version 5). It is intact: update Vigie, or export a backup.');
  });

  it("words it in the browser's French, and a page's own store error (the dashboard's reader) likewise", async () => {
    await initLanguage();
    backgroundThrowing(new StoreError('store-newer', { found: 6, supported: 5 }));
    const error = await refusal(() => request('summary', {}));
    expect(errorText(error)).toBe(
      "Ces données viennent d'une version plus récente de Vigie (base de données version 6, cette version de Vigie lit jusqu'à la version 5). Elles sont intactes : mettez Vigie à jour, ou exportez une sauvegarde.",
    );
    expect(errorText(new StoreError('store-blocked'))).toBe('Fermez les autres onglets de Vigie pour terminer la mise à jour de ses données.');
  });

  it("says a page's own failure as it says itself", () => {
    expect(errorText(new Error('clipboard denied'))).toBe('clipboard denied');
    expect(errorText('plain')).toBe('plain');
  });
});
