import { describe, expect, it } from 'vitest';
import { MonitorConfigSchema } from '../../lib/model/source';
import { DeclarationError, monitorConfigFromDeclaration } from '../../lib/monitors/declaration';
import { extractText } from '../../lib/monitors/extract';
import { fixtureText } from './fixtures';

/** Shaped like OpenTermsArchive/pga-declarations' Facebook.json (shortened). */
const FACEBOOK = JSON.parse(fixtureText('declaration-facebook.json')) as unknown;

describe('monitorConfigFromDeclaration', () => {
  const imported = monitorConfigFromDeclaration(FACEBOOK);

  it('reads each document as a monitor: address, title, select and remove (a string, a range or a list), filters read', () => {
    expect(imported.service).toBe('Facebook');
    expect(imported.refused).toEqual([]);
    const byName = new Map(imported.monitors.map((monitor) => [monitor.document, monitor]));
    expect(byName.get('Terms of Service')).toMatchObject({
      url: 'https://www.facebook.com/legal/terms/plain_text_terms',
      title: 'Facebook — Terms of Service',
      service: 'Facebook',
      select: ['#root'],
      // The filter removeReturnToTopButtons, read as the removal it is.
      remove: ['.bh', 'img[style="display:none"]', 'img', "[href*='static.xx.fbcdn.net']", '._t3o'],
      needsScripts: true,
      unappliedFilters: [],
    });
    expect(byName.get('Developer Terms')).toMatchObject({ select: ['._4bl9'], remove: [], needsScripts: false });
    expect(byName.get('Trackers Policy')).toMatchObject({ select: ['.xg6iff7'], remove: ["[href*='static.xx.fbcdn.net']"], needsScripts: true });
    expect(byName.get('Commercial Terms')?.remove).toEqual([expect.objectContaining({ startBefore: expect.any(String) })]);
    expect(byName.get('Community Guidelines')?.pages?.length).toBeGreaterThan(1);
    for (const monitor of imported.monitors) expect(MonitorConfigSchema.safeParse({ ...monitor, retention: 20 }).success).toBe(true);
  });

  it('reads the older "documents" key, and a declaration with a range in "select"', () => {
    const result = monitorConfigFromDeclaration({
      name: 'Instagram',
      documents: {
        'Terms of Service': { fetch: 'https://help.instagram.com/581066165581870', select: 'div[role="main"]' },
        'User Consent Policy': { fetch: 'https://www.facebook.com/legal/terms/dataprocessing', select: [{ startBefore: 'div[role=main]', endBefore: '[role="separator"]:first-child' }] },
      },
    });
    expect(result.monitors.map((monitor) => [monitor.title, monitor.select])).toEqual([
      ['Instagram — Terms of Service', ['div[role="main"]']],
      ['Instagram — User Consent Policy', [{ startBefore: 'div[role=main]', endBefore: '[role="separator"]:first-child' }]],
    ]);
    expect(result.refused).toEqual([]);
  });

  it('refuses selectors it cannot match, PDFs and documents without an address', () => {
    const result = monitorConfigFromDeclaration({
      name: 'Exemple',
      documents: {
        A: { fetch: 'https://exemple.fr/a', select: 'p::first-line' },
        B: { fetch: 'https://exemple.fr/cgu.pdf' },
        C: { select: 'main' },
        D: { fetch: 'javascript:alert(1)' },
        E: { fetch: 'https://exemple.fr/e', remove: [42] },
      },
    });
    expect(result.monitors).toEqual([]);
    expect(result.refused.map((entry) => entry.document)).toEqual(['A', 'B', 'C', 'D', 'E']);
  });

  it('refuses what is not a declaration at all', () => {
    expect(() => monitorConfigFromDeclaration(null)).toThrow(DeclarationError);
    expect(() => monitorConfigFromDeclaration([])).toThrow(DeclarationError);
    expect(() => monitorConfigFromDeclaration({ documents: {} })).toThrow(/name/);
    expect(() => monitorConfigFromDeclaration({ name: 'X' })).toThrow(/no documents/);
  });

  it('gives selectors that extract the document as OTA would', () => {
    const terms = imported.monitors.find((monitor) => monitor.document === 'Terms of Service');
    const html = `<div id="root"><div class="bh">Retour en haut</div><p>Conditions de service</p><img src="x.png"><a href="https://static.xx.fbcdn.net/i.png">icône</a></div><div>Pied de page</div>`;
    expect(extractText(html, { select: terms?.select ?? [], remove: terms?.remove ?? [] })).toBe('Conditions de service');
  });
});
