// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FicheEditor } from '../../components/fiches/FicheEditor';
import { FicheMarkdown } from '../../components/fiches/FicheMarkdown';
import type { Fiche } from '../../lib/model/fiche';
import { speakFrench } from './french';

/**
 * A fiche on screen (its Markdown rendered inert, its headings under the fiche's title) and its editor: what a
 * save sends, and a save another editor overtook, where the member's text stays and the other's is shown.
 */
const background = vi.hoisted(() => ({ request: vi.fn(async (..._args: unknown[]): Promise<unknown> => ({})) }));
vi.mock('../../lib/messages/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../lib/messages/client')>()),
  request: background.request,
}));

beforeEach(async () => {
  await speakFrench();
  background.request.mockReset();
});
afterEach(cleanup);

const alice = { id: 'm_alice', name: 'Alice Martin', role: 'member' as const };
const fiche: Fiche = { id: 'groupes', title: 'Groupes', body: 'Prévenir les administrateurs.', version: 1, updated: '2026-12-01T09:00:00.000Z', updatedBy: alice, authors: [alice], links: [] };

describe('FicheMarkdown', () => {
  it('renders emphasis, lists and links (to a new tab), its headings under the fiche’s title, and nothing that runs', () => {
    const { container } = render(
      <FicheMarkdown markdown={'# Que faire\n\n- **Vérifier** le [guide](https://www.cnil.fr/)\n\n<script>window.ran = true</script>\n\n<img src=x onerror="window.ran = true">\n\n[piège](javascript:window.ran=true)'} />,
    );
    expect(container.querySelector('h3')?.textContent).toBe('Que faire');
    expect(container.querySelector('li strong')?.textContent).toBe('Vérifier');
    const link = container.querySelector('a')!;
    expect([link.getAttribute('href'), link.getAttribute('target'), link.getAttribute('rel')]).toEqual(['https://www.cnil.fr/', '_blank', 'noopener noreferrer']);
    expect(container.querySelectorAll('script, img, [onerror]')).toHaveLength(0);
    expect([...container.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['https://www.cnil.fr/', null]);
    expect((window as { ran?: boolean }).ran).toBeUndefined();
  });
});

describe('FicheEditor', () => {
  it('saves from the version it opened at, with the summary', async () => {
    background.request.mockResolvedValue({ fiche: { ...fiche, version: 2 } });
    const done = vi.fn();
    render(<FicheEditor fiche={fiche} mode="edit" onDone={done} onCancel={() => undefined} />);
    fireEvent.input(screen.getByLabelText('Texte (Markdown)'), { target: { value: 'Prévenir les administrateurs et les modérateurs.' } });
    fireEvent.input(screen.getByLabelText(/^Ce qui change/), { target: { value: 'les modérateurs aussi' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la version' }));
    await waitFor(() => expect(done).toHaveBeenCalledWith('Version 2 enregistrée.'));
    expect(background.request).toHaveBeenCalledWith('saveFiche', { id: 'groupes', title: 'Groupes', body: 'Prévenir les administrateurs et les modérateurs.', baseVersion: 1, summary: 'les modérateurs aussi' });
  });

  it('overtaken by another editor: says so, keeps this text, shows the other’s with the difference, and saves next from the other’s version', async () => {
    const theirs = { ...fiche, version: 2, body: 'Relire les règles du groupe.', updatedBy: { id: 'm_bruno', name: 'Bruno Petit', role: 'member' as const } };
    background.request.mockResolvedValueOnce({ conflict: theirs, message: 'saved meanwhile' });
    const done = vi.fn();
    render(<FicheEditor fiche={fiche} mode="edit" onDone={done} onCancel={() => undefined} />);
    fireEvent.input(screen.getByLabelText('Texte (Markdown)'), { target: { value: 'Mon texte à moi.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la version' }));
    await waitFor(() => expect(document.querySelector('.fiche-editor__conflict')?.textContent).toContain('Bruno Petit a enregistré la version 2 pendant que vous écriviez'));
    // Said at once to a screen reader.
    expect(document.querySelector('.fiche-editor__conflict')?.getAttribute('role')).toBe('alert');
    expect((screen.getByLabelText('Texte (Markdown)') as HTMLTextAreaElement).value).toBe('Mon texte à moi.');
    expect(document.querySelector('.fiche-editor__theirs')?.textContent).toBe('Relire les règles du groupe.');
    expect(document.querySelectorAll('.fiche-editor__conflict del').length).toBeGreaterThan(0);
    expect(done).not.toHaveBeenCalled();
    background.request.mockResolvedValueOnce({ fiche: { ...theirs, version: 3 } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la version' }));
    await waitFor(() => expect(done).toHaveBeenCalledWith('Version 3 enregistrée.'));
    expect(background.request).toHaveBeenLastCalledWith('saveFiche', expect.objectContaining({ baseVersion: 2, body: 'Mon texte à moi.' }));
  });

  it('says at once that a colleague saved meanwhile, below its buttons, and still saves from the version it opened at', async () => {
    background.request.mockResolvedValueOnce({ conflict: { ...fiche, version: 2, updatedBy: { id: 'm_bruno', name: 'Bruno Petit', role: 'member' as const } }, message: 'saved meanwhile' });
    const view = render(<FicheEditor fiche={fiche} mode="edit" onDone={() => undefined} onCancel={() => undefined} />);
    fireEvent.input(screen.getByLabelText('Texte (Markdown)'), { target: { value: 'Mon texte à moi.' } });
    const note = document.querySelector('.fiche-editor__newer')!;
    expect(note.textContent).toBe('');
    // The hub's live stream brings Bruno's version 2 while this member writes.
    view.rerender(<FicheEditor fiche={{ ...fiche, version: 2, body: 'Relire les règles.', updatedBy: { id: 'm_bruno', name: 'Bruno Petit', role: 'member' } }} mode="edit" onDone={() => undefined} onCancel={() => undefined} />);
    expect(note.textContent).toContain('Bruno Petit vient d’enregistrer la version 2 de cette fiche.');
    expect(note.getAttribute('role')).toBe('status');
    // After the buttons: nothing above them moved.
    expect(note.previousElementSibling?.classList.contains('fiche-editor__actions')).toBe(true);
    expect((screen.getByLabelText('Texte (Markdown)') as HTMLTextAreaElement).value).toBe('Mon texte à moi.');
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la version' }));
    await waitFor(() => expect(document.querySelector('.fiche-editor__conflict')).not.toBeNull());
    expect(background.request).toHaveBeenCalledWith('saveFiche', expect.objectContaining({ baseVersion: 1, body: 'Mon texte à moi.' }));
    // The conflict says it now: the note gives way.
    expect(note.textContent).toBe('');
  });

  it('as a member, sends a proposal from the version read', async () => {
    background.request.mockResolvedValue({ id: 'sg_x' });
    const done = vi.fn();
    render(<FicheEditor fiche={fiche} mode="suggest" onDone={done} onCancel={() => undefined} />);
    expect(screen.queryByLabelText(/^Titre/)).toBeNull();
    fireEvent.input(screen.getByLabelText('Texte (Markdown)'), { target: { value: 'Une autre rédaction.' } });
    fireEvent.input(screen.getByLabelText(/^Pourquoi/), { target: { value: 'plus clair' } });
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer la proposition' }));
    await waitFor(() => expect(done).toHaveBeenCalledWith('Proposition envoyée aux rédacteurs.'));
    expect(background.request).toHaveBeenCalledWith('suggestFicheText', { id: 'groupes', body: 'Une autre rédaction.', baseVersion: 1, note: 'plus clair' });
  });
});
