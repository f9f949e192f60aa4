import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyRules } from '../../lib/alerts/triage';
import { historyOfCommit } from '../../lib/history/ota-history';
import { markdownAsText } from '../../lib/monitors/markdown-text';
import { isTechnicalCommit, otaChange } from '../../lib/monitors/open-terms-archive';
import { DEFAULT_RULES } from '../../lib/packs/default-rules';
import { makeItem } from '../rules/helpers';

/** Real commits of OTA's pga-versions (see tests/fixtures/ota/README.md). */
const diff = (name: string) => readFileSync(`tests/fixtures/ota/${name}`, 'utf8');
const commit = (sha: string) => `https://github.com/OpenTermsArchive/pga-versions/commit/${sha}`;

describe('Markdown read as text', () => {
  it('keeps a link\'s words and sets its target aside; drops headings\' marks and underlines, emphasis and table rules', () => {
    expect(markdownAsText('Your data\n---------\n\nSee our [Terms of Service](https://www.facebook.com/terms.php?ref=dp) and **this**.')).toBe('Your data\nSee our Terms of Service and this.');
    expect(markdownAsText('| Right | Basis |\n|---|---|\n| Access | [Art. 15](https://x) |')).toBe('Right Basis\nAccess Art. 15');
    // A bare address is a target too; an image keeps its alternative text.
    expect(markdownAsText('Write to <https://www.facebook.com/help/contact/540977946302970>. ![Meta logo](https://static.xx.fbcdn.net/a.png)')).toBe('Write to . Meta logo');
    // Brackets inside a link's text are words.
    expect(markdownAsText('[partners\\[2\\]](#annotation-2)')).toBe('partners[2]');
  });
});

describe('what an OTA change is worth, on real commits', () => {
  it('a Privacy Policy change of link targets only: recorded as links only, no word added or removed', () => {
    const change = otaChange(diff('facebook-privacy-links-only-13674552.diff'), commit('13674552eb48c2835ce89d3095377c841904bfb1'), { subject: 'Record new changes of Facebook Privacy Policy' });
    expect(change.significance).toBe('links-only');
    expect(change.documents).toMatchObject([{ name: 'Facebook — Privacy Policy', added: 0, removed: 0 }]);
    // What shows is text: no Markdown link syntax, no address.
    const shown = change.documents[0]!.parts.map((part) => part.text).join('');
    expect(shown).not.toMatch(/\]\(|https?:\/\//);
  });

  it('a Terms of Service change that adds a sentence: substantive, the sentence word by word', () => {
    const change = otaChange(diff('facebook-terms-substantive-7bbe3fc9.diff'), commit('7bbe3fc94235551ccba74344a47a147cfccfc145'), { subject: 'Record new changes of Facebook Terms of Service' });
    expect(change.significance).toBe('substantive');
    expect(change.documents[0]).toMatchObject({ name: 'Facebook — Terms of Service', added: 8, removed: 0 });
    expect(change.documents[0]!.parts.filter((part) => part.op === 'insert').map((part) => part.text.trim())).toEqual(['You can read a summary of our terms .']);
  });

  it("the archive's own upgrade commit: technical, whatever its diff", () => {
    const change = otaChange(diff('facebook-terms-technical-5a148a56.diff'), commit('5a148a56276bb8e9c85cbffb057ab2d7e4539bf5'), { subject: 'Apply technical or declaration upgrade on Facebook Terms of Service' });
    expect(change.significance).toBe('technical');
    for (const subject of ['Refilter Facebook Terms of Service', 'Start tracking Threads Privacy Policy', 'First record of WhatsApp Terms of Service']) expect(isTechnicalCommit(subject), subject).toBe(true);
    for (const subject of ['Record new changes of Facebook Privacy Policy', 'Update Facebook Live Policy']) expect(isTechnicalCommit(subject), subject).toBe(false);
  });

  it('the default rules alert on the substantive change only', () => {
    const rules = DEFAULT_RULES.filter((rule) => rule.id === 'default-conditions-open-terms-archive');
    expect(rules).toHaveLength(1);
    const asItem = (name: string, sha: string, subject: string) =>
      makeItem({ id: sha, title: subject, sourceId: 'ota', change: otaChange(diff(name), commit(sha), { subject }) });
    const links = applyRules(asItem('facebook-privacy-links-only-13674552.diff', '13674552eb48c2835ce89d3095377c841904bfb1', 'Record new changes of Facebook Privacy Policy'), rules, '2026-12-04T10:00:00Z');
    const words = applyRules(asItem('facebook-terms-substantive-7bbe3fc9.diff', '7bbe3fc94235551ccba74344a47a147cfccfc145', 'Record new changes of Facebook Terms of Service'), rules, '2026-12-04T10:00:00Z');
    expect(links.alerts).toEqual([]);
    expect(links.item.starred).toBe(false);
    expect(words.alerts).toHaveLength(1);
    expect(words.alerts[0]!.priority).toBe('critical');
  });

  it('the history of a commit: one entry per Meta document, with its worth', () => {
    expect(historyOfCommit({ sha: '7bbe3fc94235551ccba74344a47a147cfccfc145', date: '2026-06-16T12:30:26+00:00', subject: 'Record new changes of Facebook Terms of Service', diff: diff('facebook-terms-substantive-7bbe3fc9.diff') })).toEqual([
      { date: '2026-06-16T12:30:26+00:00', service: 'Facebook', document: 'Terms of Service', added: 8, removed: 0, significance: 'substantive', sha: '7bbe3fc94235551ccba74344a47a147cfccfc145' },
    ]);
  });
});
