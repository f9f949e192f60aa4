// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TimelineView } from '../../components/timeline/TimelineView';
import { speakFrench } from '../components/french';
import { ITEMS, SOURCES, TAGS } from './fixtures';

/**
 * The Chronologie screen in a simulated page: there is no canvas there, so the chart steps aside for the
 * table of changes, which is what the keyboard and screen readers use anyway.
 */
speakFrench();
afterEach(cleanup);

function setUp(onAddEvent = vi.fn(async () => {})) {
  const onOpen = vi.fn();
  render(<TimelineView items={ITEMS} sources={SOURCES} tags={TAGS} onOpen={onOpen} onAddEvent={onAddEvent} />);
  return { onOpen, onAddEvent };
}

const pointsTable = () => screen.getByRole('table', { name: /changements affichés, du plus ancien au plus récent/ });
const pointTitles = () => within(pointsTable()).queryAllByRole('button').map((button) => button.textContent);

describe('TimelineView', () => {
  it('says the chart cannot be drawn without a canvas and shows the table of changes instead', async () => {
    setUp();
    expect(await screen.findByText(/Le graphique ne peut pas être dessiné/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Masquer le tableau' }).getAttribute('aria-expanded')).toBe('true');
    expect(pointTitles()).toEqual([
      'Lancement de Facebook',
      'Nouvelle règle sur les Reels',
      "Conditions d'utilisation modifiées",
      'Page Transparence modifiée',
      "L'algorithme change encore",
      'Les groupes évoluent',
    ]);
    const firstRow = within(pointsTable()).getAllByRole('row')[1];
    expect(firstRow?.textContent).toContain('4 février 2004');
    expect(firstRow?.textContent).toContain('Pages');
    expect(firstRow?.textContent).toContain('Événement passé');
    expect(firstRow?.textContent).toContain('non évalué');
  });

  it('opens an item from its title in the table', async () => {
    const { onOpen } = setUp();
    await screen.findByText(/Le graphique ne peut pas être dessiné/);
    fireEvent.click(within(pointsTable()).getByRole('button', { name: 'Page Transparence modifiée' }));
    expect(onOpen).toHaveBeenCalledWith('page');
  });

  it('counts the changes per category in a real table, by year over a history of more than three years', () => {
    setUp();
    const table = screen.getByRole('table', { name: 'Nombre de changements par catégorie (lignes) et par année (colonnes)' });
    const columns = within(table)
      .getAllByRole('columnheader')
      .map((cell) => cell.textContent);
    expect(columns).toEqual(['Catégorie', '2004', '2024', 'Total']);
    expect(within(table).getAllByRole('columnheader').every((cell) => cell.getAttribute('scope') === 'col')).toBe(true);
    const publicite = within(table).getByRole('rowheader', { name: 'Publicité' });
    expect(publicite.getAttribute('scope')).toBe('row');
    expect([...(publicite.parentElement?.querySelectorAll('td') ?? [])].map((cell) => cell.textContent)).toEqual(['', '1', '1']);
    const totals = within(table).getByRole('rowheader', { name: 'Total' }).parentElement;
    expect([...(totals?.querySelectorAll('td') ?? [])].map((cell) => cell.textContent)).toEqual(['1', '5', '6']);
  });

  it('filters by category (name beside the colour), kind, period and minimum impact', async () => {
    setUp();
    await screen.findByText(/Le graphique ne peut pas être dessiné/);
    const publicite = screen.getByRole('checkbox', { name: 'Publicité' });
    expect(publicite.parentElement?.querySelector('.swatch')).toBeTruthy();
    fireEvent.click(publicite);
    expect(pointTitles()).not.toContain('Page Transparence modifiée');
    expect(screen.getByText('Changements affichés : 5 sur 6')).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Actualité' }));
    expect(pointTitles()).toEqual(['Lancement de Facebook', 'Nouvelle règle sur les Reels', "Conditions d'utilisation modifiées"]);
    fireEvent.click(screen.getByRole('button', { name: 'Réinitialiser les filtres' }));
    expect(pointTitles()).toHaveLength(6);
    fireEvent.change(screen.getByLabelText('Du'), { target: { value: '2024-03-10' } });
    fireEvent.change(screen.getByLabelText('Au'), { target: { value: '2024-04-02' } });
    expect(pointTitles()).toEqual(["Conditions d'utilisation modifiées", 'Page Transparence modifiée']);
    fireEvent.click(screen.getByRole('button', { name: 'Réinitialiser les filtres' }));
    fireEvent.change(screen.getByLabelText('Impact minimum'), { target: { value: 'medium' } });
    expect(pointTitles()).toEqual(['Nouvelle règle sur les Reels', 'Page Transparence modifiée']);
  });

  it('says so when no change matches the filters', async () => {
    setUp();
    for (const name of ['Annonce de Meta', "Conditions d'utilisation", 'Page surveillée', 'Événement passé', 'Actualité']) {
      fireEvent.click(screen.getByRole('checkbox', { name }));
    }
    expect(screen.getByText('Aucun changement ne correspond à ces filtres.')).toBeTruthy();
    expect(screen.queryByRole('table', { name: /par catégorie \(lignes\)/ })).toBeNull();
  });

  it('says in words what is wrong in the past-event form, and adds nothing', async () => {
    const { onAddEvent } = setUp();
    fireEvent.input(screen.getByLabelText('Lien vers la source (facultatif)'), { target: { value: 'javascript:alert(1)' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter à la chronologie' }));
    expect(await screen.findByText("Indiquez la date de l'événement.")).toBeTruthy();
    expect(screen.getByText("Donnez un titre à l'événement.")).toBeTruthy();
    expect(screen.getByText('Choisissez une catégorie.')).toBeTruthy();
    expect(screen.getByText(/Le lien doit être une adresse web complète/)).toBeTruthy();
    expect(screen.getByText("L'événement n'est pas ajouté : corrigez les champs signalés.").getAttribute('role')).toBe('alert');
    const date = screen.getByLabelText("Date de l'événement (obligatoire)");
    expect(date.getAttribute('aria-invalid')).toBe('true');
    expect(date.getAttribute('aria-describedby')).toBe('timeline-event-date-error');
    expect(document.activeElement).toBe(date);
    expect(onAddEvent).not.toHaveBeenCalled();
  });

  it('adds a past event with a shared category and an http(s) link', async () => {
    const { onAddEvent } = setUp();
    const category = screen.getByLabelText('Catégorie (obligatoire)') as HTMLSelectElement;
    expect([...category.options].map((option) => option.textContent)).toContain('— Publicité politique');
    fireEvent.input(screen.getByLabelText("Date de l'événement (obligatoire)"), { target: { value: '2007-05-24' } });
    fireEvent.input(screen.getByLabelText('Titre (obligatoire)'), { target: { value: 'Lancement de la plateforme Facebook' } });
    fireEvent.change(category, { target: { value: 'api-outils' } });
    fireEvent.input(screen.getByLabelText('Lien vers la source (facultatif)'), { target: { value: 'https://example.org/f8-2007' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter à la chronologie' }));
    await waitFor(() =>
      expect(onAddEvent).toHaveBeenCalledWith({ date: '2007-05-24', title: 'Lancement de la plateforme Facebook', category: 'api-outils', url: 'https://example.org/f8-2007' }),
    );
    expect(await screen.findByText('Événement ajouté : Lancement de la plateforme Facebook')).toBeTruthy();
    expect((screen.getByLabelText('Titre (obligatoire)') as HTMLInputElement).value).toBe('');
  });

  it('tells the member when the event could not be saved', async () => {
    setUp(vi.fn(async () => Promise.reject(new Error('base indisponible'))));
    fireEvent.input(screen.getByLabelText("Date de l'événement (obligatoire)"), { target: { value: '2018-01-11' } });
    fireEvent.input(screen.getByLabelText('Titre (obligatoire)'), { target: { value: 'Le fil d’actualité privilégie les proches' } });
    fireEvent.change(screen.getByLabelText('Catégorie (obligatoire)'), { target: { value: 'algorithme-portee' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter à la chronologie' }));
    expect(await screen.findByText("L'événement n'a pas pu être ajouté : base indisponible")).toBeTruthy();
  });
});
