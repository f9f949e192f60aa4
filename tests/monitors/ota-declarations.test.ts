import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DeclarationError, monitorConfigFromDeclaration } from '../../lib/monitors/declaration';
import { extractText } from '../../lib/monitors/extract';

/** OTA's real declarations (pga-declarations at 005c571, see tests/fixtures/ota/README.md). */
const declaration = (name: string) => JSON.parse(readFileSync(`tests/fixtures/ota/declarations/${name}`, 'utf8'));

describe("OTA's current declarations of Meta's services", () => {
  it.each([
    ['Facebook.json', 10],
    ['Instagram.json', 8],
    ['Threads.json', 2],
    ['WhatsApp.json', 3],
  ])('%s: every document accepted (%i)', (file, count) => {
    const read = monitorConfigFromDeclaration(declaration(file));
    expect(read.refused).toEqual([]);
    expect(read.monitors).toHaveLength(count);
    // Every filter Meta's declarations use is read: none is left unapplied.
    expect(read.monitors.flatMap((monitor) => monitor.unappliedFilters)).toEqual([]);
  });

  it("reads Facebook's Community Guidelines as one document of 26 pages, each with its own removals and the document's selection", () => {
    const monitor = monitorConfigFromDeclaration(declaration('Facebook.json')).monitors.find((entry) => entry.document === 'Community Guidelines')!;
    expect(monitor.pages).toHaveLength(26);
    expect(monitor.url).toBe('https://transparency.fb.com/policies/community-standards/');
    expect(monitor.pages![1]).toMatchObject({ url: 'https://transparency.fb.com/policies/community-standards/violence-incitement/', select: ['[id=mdc-main-content]'] });
    expect(monitor.pages![1]!.remove).toContain('div[role=tablist]');
  });

  it('reads range selectors in select and in remove, and combined pages with a range', () => {
    const byName = new Map(monitorConfigFromDeclaration(declaration('Facebook.json')).monitors.map((monitor) => [monitor.document, monitor]));
    expect(byName.get('Live Policy')!.select).toEqual([{ startBefore: 'div[role=main]', endBefore: '[role="separator"]:first-child' }]);
    expect(byName.get('Commercial Terms')!.remove).toEqual([{ startBefore: '[role="separator"]:first-child', endAfter: '[role="contentinfo"]' }]);
    const consent = byName.get('User Consent Policy')!;
    expect(consent.pages!.map((page) => page.url)).toEqual([
      'https://www.facebook.com/legal/terms/dataprocessing',
      'https://www.facebook.com/legal/EU_data_transfer_addendum',
      'https://www.facebook.com/legal/terms/UK_Data_Transfer_Addendum',
    ]);
    expect(consent.pages![2]).toMatchObject({ select: [{ startBefore: 'div[role=main]', endBefore: '[role="separator"]:first-child' }], remove: ['[role*=link]'] });
  });

  it("reads Meta's filters as what they do to the text; a document read after its scripts ran is followed through OTA by default", () => {
    const terms = monitorConfigFromDeclaration(declaration('Facebook.json')).monitors.find((monitor) => monitor.document === 'Terms of Service')!;
    expect(terms.remove).toContain('._t3o');
    expect(terms.replace).toEqual([{ selector: 'img[src*="10574689_373883339436400_1359386031_n.png?"]', text: 'ℹ️' }]);
    expect(terms.needsScripts).toBe(true);
    expect(terms.otaFeed).toBe('https://github.com/OpenTermsArchive/pga-versions/commits/main/Facebook/Terms%20of%20Service.md.atom');
    const unknown = monitorConfigFromDeclaration({ name: 'Exemple', terms: { 'Terms of Service': { fetch: 'https://exemple.fr/cgu', select: 'main', filter: ['removeCookieBanner', 'cleanUrls'] } } });
    expect(unknown.monitors[0]!.unappliedFilters).toEqual(['removeCookieBanner']);
    expect(unknown.monitors[0]!.otaFeed).toBeUndefined();
  });

  it("across the 29 versions of Facebook.json in its history, every one of its 40 distinct document declarations is read", () => {
    const past = declaration('Facebook.past-documents.json') as { documents: { commit: string; document: string; declaration: unknown }[] };
    expect(past.documents).toHaveLength(40);
    const refused = past.documents.flatMap(({ commit, document, declaration: declared }) =>
      monitorConfigFromDeclaration({ name: 'Facebook', terms: { [document]: declared } }).refused.map((entry) => `${commit.slice(0, 7)} ${document}: ${entry.reason}`),
    );
    expect(refused).toEqual([]);
  });

  it('refuses a history file, an unknown key and a half range, with the reason', () => {
    expect(() => monitorConfigFromDeclaration(declaration('Facebook.history.json'))).toThrow(/history file/);
    const read = monitorConfigFromDeclaration({
      name: 'Exemple',
      terms: {
        Inconnu: { fetch: 'https://exemple.fr/a', select: 'main', waitFor: '#root' },
        Moitié: { fetch: 'https://exemple.fr/b', select: [{ startBefore: 'h1' }] },
        PDF: { fetch: 'https://exemple.fr/cgu.pdf' },
      },
    });
    expect(read.monitors).toEqual([]);
    expect(read.refused.map((entry) => entry.document)).toEqual(['Inconnu', 'Moitié', 'PDF']);
    expect(read.refused[0]!.reason).toMatch(/unknown key "waitFor"/);
    expect(read.refused[1]!.reason).toMatch(/one start and one end/);
    expect(() => monitorConfigFromDeclaration([])).toThrow(DeclarationError);
  });
});

describe('range selectors and filters in the extraction', () => {
  const page = `<html><body><div role="main"><h1>Live Policy</h1><p>Keep it <b>safe</b>.</p><p>No <img src="https://x/10574689_373883339436400_1359386031_n.png?a=1"> music.</p>
    <section><div role="separator"></div><p>Related articles</p></section></div><footer role="contentinfo">© Meta</footer><p>After</p></body></html>`;

  it('keeps the stretch between two elements (startBefore … endBefore), in the order of the page', () => {
    expect(extractText(page, { select: [{ startBefore: 'div[role=main]', endBefore: '[role="separator"]:first-child' }], remove: [] })).toBe('Live Policy\nKeep it safe.\nNo music.');
  });

  it('drops a stretch (startBefore … endAfter), and reads an info icon as OTA does', () => {
    const text = extractText(page, {
      select: ['div[role=main]'],
      remove: [{ startBefore: '[role="separator"]', endAfter: '[role="contentinfo"]' }],
      replace: [{ selector: 'img[src*="10574689_373883339436400_1359386031_n.png?"]', text: 'ℹ️' }],
    });
    expect(text).toBe('Live Policy\nKeep it safe.\nNo ℹ️ music.');
  });

  it('says which end of a range is missing', () => {
    expect(() => extractText(page, { select: [{ startAfter: '#absent', endBefore: 'footer' }], remove: [] })).toThrow(/#absent/);
  });
});
