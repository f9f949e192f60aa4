import { describe, expect, it } from 'vitest';
import { QUOTE_LIMIT, type CapturedPage } from '../../lib/clips/capture';
import { ClipError, frameAnswer, scriptingFailure } from '../../lib/clips/errors';
import { quickClip, type QuickClipDeps } from '../../lib/clips/quick-clip';

/** Quick clips (context menu, keyboard shortcut) and how the browser's refusals to read a page are told apart. */

function fakes(capture: QuickClipDeps['capture']) {
  const saved: CapturedPage[] = [];
  const deps: QuickClipDeps = {
    capture,
    save: async (page) => {
      saved.push(page);
      return { title: page.title ?? '', enriched: false };
    },
  };
  return { saved, deps };
}

const refuse = (code: ConstructorParameters<typeof ClipError>[0]) => async (): Promise<CapturedPage> => {
  throw new ClipError(code);
};

describe('scripting refusals', () => {
  it("are the browser's own pages, the stores and local files: forbidden", () => {
    expect(scriptingFailure(new Error('Cannot access a chrome:// URL')).code).toBe('forbidden');
    expect(scriptingFailure(new Error('The extensions gallery cannot be scripted.')).code).toBe('forbidden');
    expect(scriptingFailure(new Error('Cannot access contents of url "file:///tmp/a.html". Extension manifest must request permission to access this host.')).code).toBe('forbidden');
    expect(scriptingFailure(new Error('Frame with ID 0 is showing error page')).code).toBe('forbidden');
    // Firefox says only "missing host permission"; the tab's address tells why.
    expect(scriptingFailure(new Error('Missing host permission for the tab'), 'about:addons').code).toBe('forbidden');
    expect(scriptingFailure(new Error('Missing host permission for the tab'), 'https://addons.mozilla.org/fr/firefox/').code).toBe('forbidden');
    expect(scriptingFailure(new Error('Missing host permission for the tab'), 'https://chromewebstore.google.com/detail/x').code).toBe('forbidden');
  });

  it("are, in Firefox, a frame that answered nothing at all (its own pages, when their address is hidden)", () => {
    // Seen in Firefox ESR 140 on about:support and about:addons: `[null]` instead of a refusal.
    expect(() => frameAnswer([null])).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(() => frameAnswer([])).toThrow(expect.objectContaining({ code: 'forbidden' }));
    // A frame that answered, even with nothing (the page closed meanwhile), is not a refusal.
    expect(frameAnswer([{ result: undefined }])).toBeUndefined();
    expect(frameAnswer([{ result: { href: 'https://exemple.fr/' } }])).toEqual({ href: 'https://exemple.fr/' });
  });

  it('are a missing permission on a web page, or a tab that is gone', () => {
    expect(scriptingFailure(new Error('Missing host permission for the tab'), 'https://www.exemple.fr/').code).toBe('no-access');
    expect(scriptingFailure(new Error('Cannot access contents of the page. Extension manifest must request permission to access the respective host.')).code).toBe('no-access');
    expect(scriptingFailure(new Error('No tab with id: 42.')).code).toBe('no-tab');
  });
});

describe('quick clips', () => {
  it('clip a link by its address and text, without reading any page', async () => {
    const { saved, deps } = fakes(refuse('forbidden'));
    await quickClip({ linkUrl: 'https://www.exemple.fr/a', linkText: ' Lire la suite ', pageUrl: 'https://autre.fr/' }, { id: 1 }, deps);
    expect(saved).toEqual([{ href: 'https://www.exemple.fr/a', title: 'Lire la suite' }]);
  });

  it('read the page of the tab and save what it says', async () => {
    const page = { href: 'https://www.exemple.fr/b', title: 'B', selection: 'citation' };
    const { saved, deps } = fakes(async () => page);
    await quickClip({ selectionText: 'citation', pageUrl: page.href }, { id: 3 }, deps);
    expect(saved).toEqual([page]);
  });

  it('fall back to the address, the tab title and the selection when a web page cannot be read, cut to the quote limit', async () => {
    const { saved, deps } = fakes(refuse('forbidden'));
    const huge = 'a'.repeat(1_000_000);
    await quickClip({ selectionText: huge, pageUrl: 'https://chromewebstore.google.com/detail/x' }, { id: 4, title: 'Boutique' }, deps);
    expect(saved[0]).toMatchObject({ href: 'https://chromewebstore.google.com/detail/x', title: 'Boutique', truncated: true });
    expect(saved[0]?.selection).toHaveLength(QUOTE_LIMIT);
  });

  it("report the refusal when the page is not a web page, or when there is no tab", async () => {
    const { saved, deps } = fakes(refuse('forbidden'));
    await expect(quickClip({}, { id: 5, url: 'chrome://settings/' }, deps)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(quickClip({}, undefined, deps)).rejects.toMatchObject({ code: 'no-tab' });
    expect(saved).toEqual([]);
  });
});
