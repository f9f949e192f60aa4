// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DigestView } from '../../components/digest/DigestView';
import { buildDigest, type Digest, type DigestChoice } from '../../lib/digest';
import { nodeTranslate } from '../../lib/i18n/node';
import { speakFrench } from '../components/french';
import { alert, input, item } from './fixtures';

/** The Synthèse screen: the choice of period, the digest drawn as elements, the exports and the copy. */
// Spies are restored after each test, the French translation with them: it is set up again before each one.
beforeEach(speakFrench);
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const fr = nodeTranslate('fr');
const HOSTILE = '<img src=x onerror=alert(1)>Pubs politiques';

function digestOf({ kind }: DigestChoice): Digest {
  const items = [
    item('pub', { title: HOSTILE, tags: ['publicite-politique'], note: 'Prévenir le cabinet.\nRelire les campagnes.', impact: 'high' }),
    item('reels', { title: 'Les Reels passent à 3 minutes', tags: ['video-reels-live'], starred: true }),
  ];
  const alerts = kind === 'weekly' ? [alert('Réserve électorale', 'pub', 'critical')] : [];
  return buildDigest(input(alerts, kind === 'weekly' ? items : [], { kind }), fr);
}

function setUp(load = vi.fn(async (choice: DigestChoice) => digestOf(choice))) {
  render(<DigestView load={load} />);
  return { load };
}

describe('DigestView', () => {
  it('shows the week by default, by category, as elements, with the counts in a polite live region', async () => {
    const { load } = setUp();
    expect(load).toHaveBeenCalledWith({ kind: 'weekly' });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Synthèse');
    expect((screen.getByRole('radio', { name: 'Semaine : les 7 derniers jours' }) as HTMLInputElement).checked).toBe(true);
    const summary = await screen.findByText('Éléments : 2 · Alertes critiques : 1 · Alertes importantes : 0 · Alertes info : 0 · Favoris : 1');
    expect(summary.getAttribute('aria-live')).toBe('polite');
    expect(screen.getByText('Du 21 novembre 2026 à 10:00 au 28 novembre 2026 à 10:00')).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent)).toEqual(['Publicité (1)', 'Vidéo / Reels / live (1)']);
    const link = screen.getByRole('link', { name: HOSTILE });
    expect(link.getAttribute('href')).toBe('https://about.fb.com/news/pub/');
    expect(link.closest('h3')).not.toBeNull();
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByText('Alerte critique (Réserve électorale)')).toBeTruthy();
    expect(screen.getByText('Impact : fort')).toBeTruthy();
    expect(screen.getByText('Conseil :').parentElement?.textContent).toBe('Conseil : Prévenir le cabinet.\nRelire les campagnes.');
  });

  it('loads the day when asked, and says in words that it is empty', async () => {
    const { load } = setUp();
    await screen.findByRole('heading', { level: 2, name: 'Publicité (1)' });
    fireEvent.click(screen.getByRole('radio', { name: 'Jour : les dernières 24 heures' }));
    expect(load).toHaveBeenLastCalledWith({ kind: 'daily' });
    expect(await screen.findByText('Rien sur cette période : aucune alerte, aucun favori, clip, conseil ni impact.')).toBeTruthy();
    expect(screen.queryAllByRole('heading', { level: 2 })).toEqual([]);
  });

  it('loads the month, and days the member chooses (from the first of the month to today by default)', async () => {
    const { load } = setUp();
    await screen.findByRole('heading', { level: 2, name: 'Publicité (1)' });
    fireEvent.click(screen.getByRole('radio', { name: 'Mois : le dernier mois' }));
    expect(load).toHaveBeenLastCalledWith({ kind: 'monthly' });
    fireEvent.click(screen.getByRole('radio', { name: 'Dates choisies' }));
    const from = screen.getByLabelText('Du (obligatoire)') as HTMLInputElement;
    const to = screen.getByLabelText('au (obligatoire)') as HTMLInputElement;
    expect(from.value).toMatch(/^\d{4}-\d{2}-01$/);
    expect(load).toHaveBeenLastCalledWith({ kind: 'range', from: from.value, to: to.value });
    fireEvent.change(from, { target: { value: '2026-11-02' } });
    await waitFor(() => expect(load).toHaveBeenLastCalledWith({ kind: 'range', from: '2026-11-02', to: to.value }));
  });

  it('keeps the answer for the last choice when an earlier one comes back later', async () => {
    let answerWeek: (digest: Digest) => void = () => undefined;
    const load = vi.fn((choice: DigestChoice) => (choice.kind === 'weekly' ? new Promise<Digest>((resolve) => (answerWeek = resolve)) : Promise.resolve(digestOf({ kind: 'daily' }))));
    setUp(load);
    fireEvent.click(screen.getByRole('radio', { name: 'Jour : les dernières 24 heures' }));
    await screen.findByText('Rien sur cette période : aucune alerte, aucun favori, clip, conseil ni impact.');
    answerWeek(digestOf({ kind: 'weekly' }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(screen.queryByRole('heading', { level: 2 })).toBeNull();
  });

  it('exports the Markdown and the HTML as files named after the day', async () => {
    setUp();
    await screen.findByRole('heading', { level: 2, name: 'Publicité (1)' });
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:vigie/1';
    });
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });

    fireEvent.click(screen.getByRole('button', { name: 'Exporter en Markdown' }));
    expect(screen.getByRole('status').textContent).toBe('Fichier vigie-synthese-2026-11-28.md prêt dans vos téléchargements.');
    fireEvent.click(screen.getByRole('button', { name: 'Exporter en HTML' }));
    expect(names).toEqual(['vigie-synthese-2026-11-28.md', 'vigie-synthese-2026-11-28.html']);
    expect(blobs.map((blob) => blob.type)).toEqual(['text/markdown;charset=utf-8', 'text/html;charset=utf-8']);
    const [markdown, html] = await Promise.all(blobs.map((blob) => blob.text()));
    expect(markdown).toContain('# Synthèse de la semaine');
    expect(markdown).toContain('\\<img src=x onerror=alert(1)\\>Pubs politiques');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;Pubs politiques');
    expect(html).toContain("default-src 'none'".replace(/'/g, '&#39;'));
  });

  it('lets the member leave items out, order them and write an introduction: what is copied is what they chose', async () => {
    setUp();
    await screen.findByRole('heading', { level: 2, name: 'Publicité (1)' });
    fireEvent.click(screen.getByRole('checkbox', { name: `Garder dans la synthèse : ${HOSTILE}` }));
    expect(screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent)).toEqual(['Publicité (0)', 'Vidéo / Reels / live (1)']);
    await screen.findByText('Éléments : 1 · Alertes critiques : 0 · Alertes importantes : 0 · Alertes info : 0 · Favoris : 1');
    // Alone in its category: nowhere to move.
    // Said unavailable, yet focusable: a button disabled under focus would drop it to the page.
    expect(screen.getByRole('button', { name: 'Monter : Les Reels passent à 3 minutes' }).getAttribute('aria-disabled')).toBe('true');
    fireEvent.input(screen.getByLabelText('Introduction (facultative) : ce que le COPIL doit retenir de la période'), { target: { value: 'Pour la réunion de décembre.' } });
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValueOnce(undefined);
    fireEvent.click(screen.getByRole('button', { name: 'Copier le Markdown' }));
    await waitFor(() => expect(writeText).toHaveBeenCalled());
    const markdown = writeText.mock.calls[0]![0];
    expect(markdown).toContain('Favoris : 1\n\nPour la réunion de décembre.\n\n## Vidéo / Reels / live (1)');
    expect(markdown).not.toContain('Pubs politiques');
    // Put back, it is exported again.
    fireEvent.click(screen.getByRole('checkbox', { name: `Garder dans la synthèse : ${HOSTILE}` }));
    await screen.findByText('Éléments : 2 · Alertes critiques : 1 · Alertes importantes : 0 · Alertes info : 0 · Favoris : 1');
  });

  it('copies the Markdown and says whether the browser allowed it', async () => {
    setUp();
    await screen.findByRole('heading', { level: 2, name: 'Publicité (1)' });
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValueOnce(undefined);
    fireEvent.click(screen.getByRole('button', { name: 'Copier le Markdown' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Markdown copié : collez-le dans votre document.'));
    expect(writeText.mock.calls[0]?.[0]).toContain('## Publicité (1)');

    writeText.mockRejectedValueOnce(new Error('Document is not focused'));
    fireEvent.click(screen.getByRole('button', { name: 'Copier le Markdown' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe('Le navigateur a refusé la copie (Document is not focused) : utilisez « Exporter en Markdown ».'),
    );
  });

  it('says why when the digest cannot be prepared, and offers no export', async () => {
    setUp(vi.fn(async () => Promise.reject(new Error('base indisponible'))));
    expect(await screen.findByText("La synthèse n'a pas pu être préparée : base indisponible")).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Exporter en Markdown' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Copier le Markdown' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('labels its controls: the period choice as a group, the exports as a group', () => {
    setUp();
    expect(screen.getByRole('group', { name: 'Période de la synthèse' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Exporter la synthèse' })).toBeTruthy();
  });
});
