import { describe, expect, it } from 'vitest';
import { historyPoints } from '../../lib/history/history-points';
import { historyPack } from '../../lib/packs/history-pack-build';
import { SHARED_TAXONOMY } from '../../lib/packs/taxonomy';
import { sharedTags } from '../../lib/timeline';

/** The history pack the build ships: curated events 2004–2022 and OTA's derived history since 2022. */
describe('the history pack', () => {
  const pack = historyPack();

  it('has at least 60 curated events, each with a real day, both titles, one sentence in each language, a shared category and https sources checked twice', () => {
    expect(pack.events.length).toBeGreaterThanOrEqual(60);
    const categories = new Set(SHARED_TAXONOMY.map((tag) => tag.id));
    for (const event of pack.events) {
      const where = `${event.date} ${event.title.en}`;
      expect(new Date(`${event.date}T00:00:00Z`).toISOString().slice(0, 10), where).toBe(event.date);
      expect(event.date >= '2004-01-01' && event.date <= '2022-12-31', where).toBe(true);
      expect(event.title.fr.trim(), where).not.toBe('');
      expect(event.title.en.trim(), where).not.toBe('');
      expect(event.summary.fr.trim(), where).not.toBe('');
      expect(event.summary.en.trim(), where).not.toBe('');
      expect(categories.has(event.category), where).toBe(true);
      expect(event.url, where).toMatch(/^https:\/\//);
      expect(event.checkedWith.length, where).toBeGreaterThanOrEqual(2);
    }
    const dates = pack.events.map((event) => event.date);
    expect(dates).toEqual([...dates].sort());
    // The ones community managers still cite.
    for (const title of [/News Feed/i, /Like/i, /Reactions/i, /Cambridge Analytica/i, /Meta/]) expect(pack.events.some((event) => title.test(event.title.en)), String(title)).toBe(true);
  });

  it("holds OTA's history of Meta's documents from pga-versions, with its licence and attribution", () => {
    expect(pack.ota.repository).toBe('OpenTermsArchive/pga-versions');
    expect(pack.ota.licence).toMatch(/ODC-By/);
    expect(pack.ota.attribution).toMatch(/Platform Governance Archive/);
    expect(pack.ota.changes.length).toBeGreaterThan(2000);
    const worth = (significance: string) => pack.ota.changes.filter((change) => change.significance === significance).length;
    expect(worth('links-only')).toBeGreaterThan(worth('substantive'));
    expect(worth('technical')).toBeGreaterThan(0);
    expect(pack.ota.changes[0]!.date < '2022-12-31').toBe(true);
  });

  it('gives the Diagnostic its points: events to open at their source, changes at their commit, links-only ones marked', () => {
    const points = historyPoints(pack, 'fr', sharedTags(SHARED_TAXONOMY));
    expect(points).toHaveLength(pack.events.length + pack.ota.changes.length);
    const event = points.find((point) => point.kind === 'history')!;
    expect(event.url).toMatch(/^https:\/\//);
    expect(event.category).toBeDefined();
    // Its sentence, in the member's language, goes with it into the table and the tooltip.
    expect(event.summary).toBe(pack.events[0]!.summary.fr);
    const links = points.find((point) => point.significance === 'links-only')!;
    expect(links.url).toMatch(/^https:\/\/github\.com\/OpenTermsArchive\/pga-versions\/commit\/[0-9a-f]{40}$/);
    expect(points.find((point) => point.document === 'Facebook — Standards de la communauté')?.category).toBe('moderation');
  });
});
