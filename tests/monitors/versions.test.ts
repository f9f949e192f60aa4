import { describe, expect, it } from 'vitest';
import { ChangeSchema } from '../../lib/model/change';
import { FeedError } from '../../lib/model/feed-error';
import { checkPage } from '../../lib/monitors/check';
import { nextVersion, textHash, versionsToDrop } from '../../lib/monitors/versions';
import { fixtureBytes } from './fixtures';

const POLICY = { select: ['main article'], remove: ['.share', 'nav', 'header', 'footer', '[role="dialog"]'] };
const URL = 'https://exemple.fr/regles-publicitaires';
const read = (fixture: string) => checkPage({ bytes: fixtureBytes(fixture), contentType: 'text/html; charset=utf-8', url: URL }, POLICY);
const version = (text: string) => ({ text, hash: textHash(text) });

describe('a page monitor from one check to the next', () => {
  it('keeps a first version with nothing to announce', () => {
    const first = nextVersion(undefined, read('policy-v1.html').text, 'Règles publicitaires');
    expect(first).toEqual({ changed: true, hash: textHash(read('policy-v1.html').text) });
  });

  it('keeps a new version and announces a readable diff when the text changed', () => {
    const before = read('policy-v1.html');
    const after = read('policy-v2.html');
    const next = nextVersion(version(before.text), after.text, { name: after.title, url: URL, context: 4 });
    expect(next.changed).toBe(true);
    if (!next.changed || !next.change) throw new Error('a change was expected');
    expect(ChangeSchema.parse(next.change)).toEqual(next.change);
    const [document] = next.change.documents;
    expect(next.change.kind).toBe('page');
    expect(next.change.documents).toHaveLength(1);
    expect(document?.name).toBe('Règles publicitaires pour les Pages | Exemple Meta');
    expect(document?.afterUrl).toBe(URL);
    const inserted = document?.parts.filter((part) => part.op === 'insert').map((part) => part.text.trim());
    const deleted = document?.parts.filter((part) => part.op === 'delete').map((part) => part.text.trim());
    expect(inserted).toContain('et la Page peut perdre le droit de diffuser des publicités pendant 30 jours');
    expect(deleted).toContain('12 mars');
    expect(inserted).toContain('2 avril');
    // "reste possible, sauf pour les thèmes sensibles" → "n’est plus possible pour les publicités politiques"
    expect(deleted).toEqual(expect.arrayContaining(['reste', ', sauf', 'thèmes sensibles']));
    expect(inserted).toEqual(expect.arrayContaining(['n’est plus', 'publicités politiques']));
    // Context only: the unchanged paragraph about political ads is cut to "…".
    expect(document?.parts.some((part) => part.text === '…')).toBe(true);
    expect(document?.parts.map((part) => part.text).join('')).not.toContain('confirmer leur identité');
    expect(document?.added).toBeGreaterThan(15);
    expect(document?.removed).toBeGreaterThan(5);
  });

  it('keeps no version when only the markup changed', () => {
    const before = read('policy-v1.html');
    const after = read('policy-v1-markup.html');
    expect(nextVersion(version(before.text), after.text, before.title)).toEqual({ changed: false, hash: textHash(before.text) });
  });

  it('reports a no-match error, not a deletion, when the watched part disappeared', () => {
    expect(() => read('policy-gone.html')).toThrow(FeedError);
    try {
      read('policy-gone.html');
    } catch (error) {
      expect((error as FeedError).code).toBe('no-match');
    }
  });
});

describe('textHash', () => {
  it('is SHA-256 in hexadecimal, the same for the same text', () => {
    expect(textHash('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(textHash('Réserve électorale')).toBe(textHash('Réserve électorale'));
    expect(textHash('Réserve électorale')).not.toBe(textHash('Reserve electorale'));
  });
});

describe('versionsToDrop', () => {
  const versions = [
    { id: 'v3', fetched: '2026-03-03T06:00:00Z' },
    { id: 'v1', fetched: '2026-03-01T06:00:00Z' },
    { id: 'v5', fetched: '2026-03-05T06:00:00+01:00' },
    { id: 'v2', fetched: '2026-03-02T06:00:00Z' },
    { id: 'v4', fetched: '2026-03-04T06:00:00Z' },
  ];

  it('drops the oldest beyond the retention', () => {
    expect(versionsToDrop(versions, 3)).toEqual(['v2', 'v1']);
    expect(versionsToDrop(versions, 20)).toEqual([]);
  });

  it('always keeps the newest one, which the next check compares against', () => {
    expect(versionsToDrop(versions, 0)).toEqual(['v4', 'v3', 'v2', 'v1']);
  });
});
