// @vitest-environment happy-dom
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Nav } from '../../components/dashboard/Nav';
import { BulkBar } from '../../components/items/BulkBar';
import { SourceRow } from '../../components/sources/SourceRow';
import { PointsTable } from '../../components/timeline/PointsTable';
import { refreshDoneText } from '../../components/ui/count';
import type { Messages } from '../../lib/i18n/translate';
import type { TimelinePoint } from '../../lib/timeline';
import enMessages from '../../public/_locales/en/messages.json';
import frMessages from '../../public/_locales/fr/messages.json';
import { makeSource } from '../store/fixtures';
import { speak } from './french';

const fr: Messages = frMessages;
const en: Messages = enMessages;

/** Counts said with the right number of the noun: "1 coché", "2 cochés"; never "1 cochés". */
afterEach(async () => {
  cleanup();
  await speak('fr');
});

describe('counts in words', () => {
  it('says how many items are checked, singular for one', async () => {
    await speak('fr');
    const { rerender } = render(<BulkBar count={1} tags={[]} onPatch={vi.fn()} onAddTag={vi.fn()} onClear={vi.fn()} />);
    const said = () => screen.getByRole('group', { name: 'Actions sur la sélection' }).querySelector('span')?.textContent;
    expect(said()).toBe('1 coché');
    rerender(<BulkBar count={2} tags={[]} onPatch={vi.fn()} onAddTag={vi.fn()} onClear={vi.fn()} />);
    expect(said()).toBe('2 cochés');
  });

  it('names one unread alert and one new share in the navigation', async () => {
    await speak('fr');
    const counts = { unread: 1, starred: 2, clips: 0, bySource: {}, byTag: {} };
    render(<Nav route={{ section: 'items', view: 'all' }} sources={[]} tags={[]} unreadAlerts={1} unreadShares={1} counts={counts} />);
    const names = screen.getAllByRole('link').map((link) => link.textContent);
    expect(names).toContain('Alertes (1 non lue)');
    expect(names).toContain('COPIL (1 nouveau)');
    // The unread figure after a view: the number, and « (1 non lu) », « (2 non lus) » for a screen reader.
    expect(names).toContain('Non lus1 (1 non lu)');
    expect(names).toContain('Favoris2 (2 non lus)');
    expect(names).toContain('Clips');
  });

  it('captions a table of one change in the singular', async () => {
    await speak('fr');
    const point: TimelinePoint = { itemId: 'i1', date: '2024-04-11T08:00:00.000Z', time: 0, title: 'Politique', kind: 'terms', categories: [] };
    render(<PointsTable id="points" points={[point]} language="fr" categoryLabel={() => ''} onOpen={vi.fn()} />);
    expect(screen.getByRole('table').querySelector('caption')?.textContent).toBe('1 changement affiché');
  });

  it('says "chaque minute", not "toutes les 1 min", for a source read every minute', async () => {
    await speak('fr');
    render(<SourceRow source={makeSource({ id: 'alpha', intervalMinutes: 1 })} editing={false} onEdit={vi.fn()} onSave={vi.fn()} onRemove={vi.fn()} onGrant={vi.fn()} />);
    expect(screen.getByText(/chaque minute/).textContent).not.toMatch(/toutes les 1/);
  });

  it('words a refresh with each count in its own number, in French and in English', async () => {
    await speak('fr');
    expect(refreshDoneText(1, 1)).toBe('Relève terminée : 1 nouveau, 1 source en erreur');
    expect(refreshDoneText(0, 2)).toBe('Relève terminée : 0 nouveau, 2 sources en erreur');
    await speak('en');
    expect(refreshDoneText(1, 1)).toBe('Refresh done: 1 new, 1 source failing');
    expect(refreshDoneText(0, 0)).toBe('Refresh done: 0 new, 0 sources failing');
  });

  it('has, for every count the pages word with countText, a singular and a plural in both languages, with the same placeholders', () => {
    const root = join(__dirname, '../../components');
    const sources = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) => /\.tsx?$/.test(file));
    const keys = new Set(sources.flatMap((file) => [...readFileSync(join(root, file), 'utf8').matchAll(/countText\(\s*'(\w+)'/g)].map((match) => match[1]!)));
    expect(keys.size).toBeGreaterThan(5);
    const placeholders = (messages: Messages, key: string) => Object.keys(messages[key]?.placeholders ?? {}).sort();
    for (const key of keys) {
      for (const messages of [fr, en]) {
        expect(messages[key], key).toBeDefined();
        expect(messages[`${key}One`], `${key}One`).toBeDefined();
        // The singular may leave the number out ("chaque minute"), never add a placeholder the plural lacks.
        expect(placeholders(messages, key), key).toEqual(expect.arrayContaining(placeholders(messages, `${key}One`)));
      }
      expect(placeholders(fr, key), key).toEqual(placeholders(en, key));
    }
  });
});
