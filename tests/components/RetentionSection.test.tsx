// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RetentionSection } from '../../components/settings/RetentionSection';
import { formatBytes } from '../../components/ui/count';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/model/settings';
import { speak } from './french';

/** Paramètres → « Conservation des éléments »: the choice, what is never removed, the last clean-up, the space used. */
const background = vi.hoisted(() => ({ request: vi.fn(async (..._args: unknown[]): Promise<unknown> => undefined) }));
vi.mock('../../lib/messages/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../lib/messages/client')>()),
  request: background.request,
}));

const USAGE = {
  usage: 12_345_678,
  quota: 2_000_000_000,
  counts: { items: 1234, clips: 3, alerts: 56, sources: 20, tags: 25, rules: 9, versions: 14, shares: 2, outbox: 0 },
  lastPrune: { at: '2026-12-05T03:00:00.000Z', items: 1234, alerts: 7 },
};

afterEach(async () => {
  cleanup();
  background.request.mockReset();
  await speak('fr');
});

function answer(settings: Settings) {
  background.request.mockImplementation(async (type: unknown, params: unknown) => {
    if (type === 'storageUsage') return USAGE;
    if (type === 'updateSettings') return { ...settings, ...(params as Partial<Settings>) };
    if (type === 'pruneNow') return { lastPrune: USAGE.lastPrune };
    throw new Error(`unexpected ${String(type)}`);
  });
}

describe('RetentionSection', () => {
  it('offers 3, 6, 12, 24 months and « toujours », 12 chosen by default, and says what is never removed', async () => {
    await speak('fr');
    answer(DEFAULT_SETTINGS);
    render(<RetentionSection settings={DEFAULT_SETTINGS} onSettings={vi.fn()} say={vi.fn()} />);
    const select = screen.getByRole('combobox', { name: 'Garder les éléments' }) as HTMLSelectElement;
    expect([...select.options].map((option) => option.textContent)).toEqual(['3 mois', '6 mois', '12 mois', '24 mois', 'toujours']);
    expect(select.value).toBe('12');
    expect(select.getAttribute('aria-describedby')).toBe('retention-hint');
    expect(document.getElementById('retention-hint')?.textContent).toMatch(/Ne sont jamais retirés : les favoris, les éléments que vous avez étiquetés, annotés \(conseil\), clipés ou partagés avec le COPIL, ceux qui ont une alerte non lue/);
    await waitFor(() => expect(screen.getByTestId('last-prune').textContent).toMatch(/^Dernier nettoyage le samedi 5 décembre 2026 à 0\d:00 : 1\s234 éléments retirés/));
    expect(screen.getByTestId('storage-usage').textContent).toBe(`${formatBytes(USAGE.usage)} utilisés sur ${formatBytes(USAGE.quota)} que le navigateur accorde à Vigie`);
    expect(formatBytes(USAGE.usage)).toMatch(/^12,3\sMo$/);
    // Each kind of record with its count, in French digits.
    const counted = Object.fromEntries(screen.getAllByRole('row').map((row) => [row.querySelector('th')?.textContent, row.querySelector('td')?.textContent]));
    expect(counted['Éléments']).toMatch(/^1\s234$/);
    expect(counted['Versions des pages surveillées']).toBe('14');
  });

  it('saves « toujours » as no limit, then shows the clean-up', async () => {
    await speak('fr');
    answer(DEFAULT_SETTINGS);
    const onSettings = vi.fn();
    const say = vi.fn();
    render(<RetentionSection settings={DEFAULT_SETTINGS} onSettings={onSettings} say={say} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Garder les éléments' }), { target: { value: 'toujours' } });
    await waitFor(() => expect(onSettings).toHaveBeenCalledWith({ ...DEFAULT_SETTINGS, retentionMonths: null }));
    expect(background.request).toHaveBeenCalledWith('updateSettings', { retentionMonths: null });
    expect(say).toHaveBeenCalledWith({ kind: 'ok', text: 'Durée de conservation enregistrée.' });
    await waitFor(() => expect(background.request).toHaveBeenCalledWith('pruneNow', {}));
  });

  it('speaks English, singular for one item removed', async () => {
    await speak('en');
    answer(DEFAULT_SETTINGS);
    background.request.mockImplementation(async (type: unknown) => (type === 'storageUsage' ? { ...USAGE, lastPrune: { ...USAGE.lastPrune, items: 1 } } : undefined));
    render(<RetentionSection settings={{ ...DEFAULT_SETTINGS, retentionMonths: 3 }} onSettings={vi.fn()} say={vi.fn()} />);
    const select = screen.getByRole('combobox', { name: 'Keep items for' }) as HTMLSelectElement;
    expect([...select.options].map((option) => option.textContent)).toEqual(['3 months', '6 months', '12 months', '24 months', 'always']);
    expect(select.value).toBe('3');
    await waitFor(() => expect(screen.getByTestId('last-prune').textContent).toMatch(/^Last clean-up on Saturday, December 5, 2026 at \d+:00 [AP]M: 1 item removed/));
    expect(screen.getByTestId('storage-usage').textContent).toBe('12.3 MB used of the 2 GB the browser allows Vigie');
  });
});
