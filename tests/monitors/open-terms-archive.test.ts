import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readFeedText } from '../../lib/feeds/pipeline';
import { ChangeSchema } from '../../lib/model/change';
import { FeedError } from '../../lib/model/feed-error';
import { commitDiffUrl, documentLabel, isOtaCommitLink, OTA_CATALOG, OTA_DOCUMENT_TYPES, DOCUMENT_LABELS_FR, otaChange, otaFeedUrl } from '../../lib/monitors/open-terms-archive';
import { feedErrorOf } from '../feeds/fixtures';
import { fixtureText } from './fixtures';

const SHA = '7c2f9e4b1d8a6053e2f1c9b7a4d3e6f8091b2c3d';
const COMMIT = `https://github.com/OpenTermsArchive/pga-versions/commit/${SHA}`;


describe('Open Terms Archive addresses', () => {
  it('builds the Atom feed of a service and of one document', () => {
    expect(otaFeedUrl('pga', 'Facebook')).toBe('https://github.com/OpenTermsArchive/pga-versions/commits/main/Facebook.atom');
    expect(otaFeedUrl('france', 'Facebook', 'Terms of Service')).toBe('https://github.com/OpenTermsArchive/france-versions/commits/main/Facebook/Terms%20of%20Service.md.atom');
  });

  it('recognises the commit links of the feeds, and nothing else', () => {
    expect(isOtaCommitLink(COMMIT)).toBe(true);
    expect(isOtaCommitLink('https://github.com/OpenTermsArchive/france-versions/commit/e41b8d2/')).toBe(true);
    expect(isOtaCommitLink('https://github.com/OpenTermsArchive/pga-snapshots/commit/' + SHA)).toBe(false);
    expect(isOtaCommitLink('https://github.com/someone/pga-versions/commit/' + SHA)).toBe(false);
    // The path makes the commit; a mirror of the archive (or a test server) is read from its own host.
    expect(isOtaCommitLink('http://127.0.0.1:8080/OpenTermsArchive/pga-versions/commit/' + SHA)).toBe(true);
    expect(commitDiffUrl('http://127.0.0.1:8080/OpenTermsArchive/pga-versions/commit/' + SHA)).toBe(`http://127.0.0.1:8080/OpenTermsArchive/pga-versions/commit/${SHA}.diff`);
    expect(isOtaCommitLink('ftp://github.com/OpenTermsArchive/pga-versions/commit/' + SHA)).toBe(false);
    expect(isOtaCommitLink('https://github.com/OpenTermsArchive/pga-versions/commits/main/Facebook')).toBe(false);
    expect(isOtaCommitLink('pas une adresse')).toBe(false);
    expect(isOtaCommitLink(undefined)).toBe(false);
  });

  it('gives the commit diff address', () => {
    expect(commitDiffUrl(COMMIT)).toBe(`${COMMIT}.diff`);
    expect(commitDiffUrl(`${COMMIT}/`)).toBe(`${COMMIT}.diff`);
    expect(() => commitDiffUrl('https://exemple.fr/commit/abc')).toThrow(FeedError);
  });

  it('reads the commits Atom feed into items that link to their commits', async () => {
    const feed = await readFeedText(fixtureText('commits.atom'), { url: otaFeedUrl('pga', 'Facebook') });
    expect(feed.items.map((item) => item.title)).toEqual(['Record new changes of Facebook Terms of Service', 'Record new changes of Facebook Privacy Policy']);
    expect(feed.items.map((item) => item.url)).toEqual([COMMIT, 'https://github.com/OpenTermsArchive/pga-versions/commit/e41b8d2c09f7a3651b4e8c2d7f0a9b3c6e5d4f21']);
    expect(feed.items.every((item) => isOtaCommitLink(item.url))).toBe(true);
  });
});

describe('otaChange', () => {
  it('turns the commit diff into a readable word diff of the document, with links to both texts', () => {
    const change = otaChange(fixtureText('ota-facebook-terms.diff'), COMMIT);
    expect(ChangeSchema.parse(change)).toEqual(change);
    expect(change.kind).toBe('terms');
    expect(change.truncated).toBeUndefined();
    expect(change.documents).toHaveLength(1);
    const [document] = change.documents;
    expect(document?.name).toBe('Facebook — Terms of Service');
    expect(document?.afterUrl).toBe(`https://github.com/OpenTermsArchive/pga-versions/blob/${SHA}/Facebook/Terms%20of%20Service.md`);
    expect(document?.beforeUrl).toBe(`https://github.com/OpenTermsArchive/pga-versions/blob/${SHA}^/Facebook/Terms%20of%20Service.md`);
    const parts = document?.parts ?? [];
    const all = parts.map((part) => part.text).join('');
    // The document's words, not the patch's syntax.
    expect(all).not.toMatch(/^[-+@]|\n[-+]|@@/);
    expect(parts.filter((part) => part.op === 'delete').map((part) => part.text)).toEqual(['same ', ' and ', 'always ', ' ']);
    expect(parts.filter((part) => part.op === 'insert').map((part) => part.text)).toEqual([
      ', ',
      ' and, where we ask you to, confirm your identity',
      'Pages that run ads about social issues, elections or politics must complete the authorisation process before their ads are shown.\n',
      'always ',
      ', available ',
    ]);
    // Two hunks, read apart: the text between them is not in the diff.
    expect(parts.filter((part) => part.text === '…').length).toBeGreaterThanOrEqual(1);
    expect(document?.removed).toBe(3);
    expect(document?.added).toBe(31);
  });

  it('names the document in French for the French collection', () => {
    const diff = fixtureText('ota-facebook-terms.diff');
    const change = otaChange(diff, `https://github.com/OpenTermsArchive/france-versions/commit/${SHA}`);
    expect(change.documents[0]?.name).toBe('Facebook — Conditions d’utilisation');
    expect(change.documents[0]?.afterUrl).toContain('/france-versions/blob/');
  });

  it('links a first version with no "before", and skips files that are not documents', () => {
    const diff = [
      'diff --git a/Threads/Privacy Policy.md b/Threads/Privacy Policy.md',
      'new file mode 100644',
      'index 0000000..1d2c3b4',
      '--- /dev/null',
      '+++ b/Threads/Privacy Policy.md',
      '@@ -0,0 +1,2 @@',
      '+# Threads Privacy Policy',
      '+This policy describes the information we process.',
      'diff --git a/README.md b/README.md',
      'index 1111111..2222222 100644',
      '--- a/README.md',
      '+++ b/README.md',
      '@@ -1 +1 @@',
      '-old',
      '+new',
      '',
    ].join('\n');
    const change = otaChange(diff, COMMIT);
    expect(change.documents.map((document) => document.name)).toEqual(['Threads — Privacy Policy']);
    expect(change.documents[0]?.beforeUrl).toBeUndefined();
    expect(change.documents[0]?.afterUrl).toContain('/Threads/Privacy%20Policy.md');
    expect(change.documents[0]?.parts).toEqual([{ op: 'insert', text: 'Threads Privacy Policy\nThis policy describes the information we process.' }]);
  });

  it('caps a long diff, keeps the document totals, and says it is truncated', () => {
    const change = otaChange(fixtureText('ota-facebook-terms.diff'), COMMIT, { maxParts: 6 });
    expect(change.truncated).toBe(true);
    expect(change.documents[0]?.parts.length).toBeLessThanOrEqual(7);
    expect(change.documents[0]?.removed).toBe(3);
    expect(change.documents[0]?.added).toBe(31);
  });

  it('refuses what is not a unified diff', async () => {
    expect((await feedErrorOf(() => otaChange('', COMMIT))).code).toBe('malformed');
    expect((await feedErrorOf(() => otaChange('<!DOCTYPE html><html><body>Page not found</body></html>', COMMIT))).detail).toBe('an HTML page, not a diff');
    expect((await feedErrorOf(() => otaChange('Just some text\nwith lines\n', COMMIT))).code).toBe('malformed');
    expect((await feedErrorOf(() => otaChange(fixtureText('ota-facebook-terms.diff'), 'https://exemple.fr/'))).code).toBe('malformed');
  });
});

describe('the catalog of Meta documents followed', () => {
  it('lists exactly the Meta documents that pga-versions holds today (Facebook 11, Instagram 8, Threads 2, WhatsApp 3); France, WhatsApp only', () => {
    expect(OTA_CATALOG.pga.map((entry) => [entry.service, entry.documents.length])).toEqual([['Facebook', 11], ['Instagram', 8], ['Threads', 2], ['WhatsApp', 3]]);
    expect(OTA_CATALOG.france.map((entry) => entry.service)).toEqual(['WhatsApp']);
    // The history derived from pga-versions names the same documents.
    const history = JSON.parse(readFileSync('lib/history/ota-changes.json', 'utf8')) as { changes: { service: string; document: string }[] };
    const inHistory = new Set(history.changes.map((change) => `${change.service}/${change.document}`));
    const inCatalog = new Set(OTA_CATALOG.pga.flatMap((entry) => entry.documents.map((document) => `${entry.service}/${document}`)));
    expect([...inCatalog].sort()).toEqual([...inHistory].sort());
  });

  it('has a French label for every document type, and a feed address for every document', () => {
    for (const type of OTA_DOCUMENT_TYPES) expect(DOCUMENT_LABELS_FR[type]).toBeTruthy();
    expect(documentLabel('Privacy Policy', 'fr')).toBe('Politique de confidentialité');
    expect(documentLabel('Privacy Policy', 'en')).toBe('Privacy Policy');
    expect(documentLabel('Some New Type', 'fr')).toBe('Some New Type');
    for (const [collection, services] of Object.entries(OTA_CATALOG)) {
      for (const { service, documents } of services) {
        for (const document of documents) expect(() => new URL(otaFeedUrl(collection as 'pga' | 'france', service, document))).not.toThrow();
      }
    }
  });
});
