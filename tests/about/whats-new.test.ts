import semverGte from 'semver/functions/gte';
import semverValid from 'semver/functions/valid';
import { describe, expect, it } from 'vitest';
import { CHANGELOG, type ChangelogEntry } from '../../lib/about/changelog';
import { BEFORE_NOTING, entriesBetween, noteVersion } from '../../lib/about/whats-new';

/** « Quoi de neuf »: which lines an update shows, and what each start of a version makes of the store's notes. */
const LOG: ChangelogEntry[] = [
  { version: '0.10.0', date: '2027-01-10', fr: 'dix', en: 'ten' },
  { version: '0.3.0', date: '2026-12-06', fr: 'trois', en: 'three' },
  { version: '0.2.0', date: '2026-12-05', fr: 'deux', en: 'two' },
  { version: '0.1.0', date: '2026-12-04', fr: 'un', en: 'one' },
];

describe('the lines an update brings', () => {
  it('are those above the version run before, up to the running one, compared as versions (0.10 after 0.3)', () => {
    expect(entriesBetween('0.1.0', '0.3.0', LOG).map((entry) => entry.en)).toEqual(['three', 'two']);
    expect(entriesBetween('0.3.0', '0.10.0', LOG).map((entry) => entry.en)).toEqual(['ten']);
    expect(entriesBetween('0.3.0', '0.3.0', LOG)).toEqual([]);
  });

  it('from a build that never noted its version, are every line, the retired France-collection source included', () => {
    const all = entriesBetween(BEFORE_NOTING, CHANGELOG[0]!.version);
    expect(all).toEqual(CHANGELOG);
    expect(all.some((entry) => entry.fr.includes('collection France'))).toBe(true);
  });

  it('every line of the changelog names a version, newest first', () => {
    for (const [index, entry] of CHANGELOG.entries()) {
      expect(semverValid(entry.version)).toBe(entry.version);
      const older = CHANGELOG[index + 1];
      if (older) expect(semverGte(entry.version, older.version) && entry.date >= older.date).toBe(true);
    }
  });
});

describe('each start of Vigie notes its version', () => {
  it('a fresh install has nothing to catch up on', () => {
    expect(noteVersion('0.3.0', undefined, undefined, false)).toEqual({ lastVersion: '0.3.0', pending: undefined });
  });

  it('a store an earlier build used, without a note, is shown every line up to the running version', () => {
    expect(noteVersion('0.2.0', undefined, undefined, true)).toEqual({ lastVersion: '0.2.0', pending: { from: BEFORE_NOTING, to: '0.2.0' } });
  });

  it('an update shows what came after the version noted, once: the same version starting again keeps it until seen', () => {
    const updated = noteVersion('0.2.0', '0.1.0', undefined, true);
    expect(updated.pending).toEqual({ from: '0.1.0', to: '0.2.0' });
    expect(noteVersion('0.2.0', '0.2.0', updated.pending, true).pending).toEqual({ from: '0.1.0', to: '0.2.0' });
    // Seen (the request removes it): nothing at the next start.
    expect(noteVersion('0.2.0', '0.2.0', undefined, true).pending).toBeUndefined();
  });

  it('two updates before the dashboard opened show both', () => {
    expect(noteVersion('0.2.0', '0.1.0', undefined, true).pending).toEqual({ from: '0.1.0', to: '0.2.0' });
    // The running version is the newest in the project's changelog: two updates are 0.1.0 → 0.2.0 → today's.
    const today = CHANGELOG[0]!.version;
    expect(noteVersion(today, '0.2.0', { from: '0.1.0', to: '0.2.0' }, true).pending).toEqual({ from: '0.1.0', to: today });
  });

  it('going back to an older version shows nothing and forgets what was pending', () => {
    expect(noteVersion('0.1.0', '0.2.0', { from: '0.1.0', to: '0.2.0' }, true)).toEqual({ lastVersion: '0.1.0', pending: undefined });
  });

  it('a note that is not a version is read as none', () => {
    expect(noteVersion('0.2.0', 'dev', undefined, true).pending).toEqual({ from: BEFORE_NOTING, to: '0.2.0' });
  });
});
