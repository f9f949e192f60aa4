// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { StoreProblem } from '../../components/dashboard/StoreProblem';
import { Popup } from '../../components/popup/Popup';
import { StoreError } from '../../lib/model/store-error';
import { speakFrench } from './french';

/**
 * What the member sees when Vigie cannot use its store: the popup's status line and the dashboard say it in
 * words; on a store a newer Vigie made, the dashboard still offers Paramètres' export, and only that.
 */
const NEWER_FR =
  "Ces données viennent d'une version plus récente de Vigie (base de données version 6, cette version de Vigie lit jusqu'à la version 5). Elles sont intactes : mettez Vigie à jour, ou exportez une sauvegarde.";

speakFrench();
afterEach(cleanup);

/** A background that refuses every request as the background does on a newer store, and copies it on export. */
let requests: string[];
beforeEach(() => {
  fakeBrowser.reset();
  requests = [];
  fakeBrowser.runtime.onMessage.addListener(async (message: unknown) => {
    const { type } = message as { type?: string };
    if (!type) return undefined;
    requests.push(type);
    if (type === 'exportData') return { ok: true, result: { text: '{"format":"vigie-raw-export"}' } };
    return { ok: false, code: 'store-newer', params: { found: 6, supported: 5 } };
  });
});

describe('a store Vigie cannot use, as the member sees it', () => {
  it('the popup says the store is newer in its status line', async () => {
    render(<Popup />);
    await waitFor(() => expect(screen.getAllByRole('status').map((status) => status.textContent)).toContain(NEWER_FR));
  });

  it('the dashboard says it and offers the export alone, which saves the copy the background makes', async () => {
    const saved = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:copy');
    render(<StoreProblem problem={new StoreError('store-newer', { found: 6, supported: 5 })} />);
    // The screen's own alert says it; the status line's assertive region stays empty until an error.
    expect(screen.getAllByRole('alert').map((alert) => alert.textContent).filter(Boolean)).toEqual([NEWER_FR]);
    expect(screen.queryByText('Importer une sauvegarde…')).toBeNull();
    expect(screen.getByText(/copie brute de la base de données/).textContent).toBe("Dans cet état, la sauvegarde exportée est une copie brute de la base de données : cette version de Vigie ne peut pas l'importer.");

    fireEvent.click(screen.getByRole('button', { name: 'Exporter toutes les données' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Sauvegarde vigie-sauvegarde-.*\.json prête dans vos téléchargements\.$/));
    expect(requests).toEqual(['exportData']);
    expect(await (saved.mock.calls[0]![0] as Blob).text()).toBe('{"format":"vigie-raw-export"}');
    saved.mockRestore();
  });

  it('the dashboard says an upgrade waiting for another tab, with nothing to export meanwhile', () => {
    render(<StoreProblem problem={new StoreError('store-blocked')} />);
    expect(screen.getAllByRole('alert').map((alert) => alert.textContent).filter(Boolean)).toEqual(['Fermez les autres onglets de Vigie pour terminer la mise à jour de ses données.']);
    expect(screen.queryByRole('button')).toBeNull();
  });
});
