// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RexForm, type Answerable } from '../../components/hub/RexForm';
import { speakFrench } from './french';

/**
 * The « retour d'expérience » form: what it sends, and a month typed in words (Firefox ESR shows the month field
 * as plain text) said in words before anything is sent.
 */
/** This member's own alerts, which a REX may answer. */
const OWN_ALERTS = [{ id: 'r|i1', ruleName: 'Publicité politique', item: { title: 'TTPA : le règlement européen', url: 'https://eur-lex.europa.eu/ttpa' } }];
const background = vi.hoisted(() => ({ request: vi.fn(async (type: unknown, ..._args: unknown[]): Promise<unknown> => (type === 'listAlerts' ? [] : { id: 'x', sent: true })) }));
vi.mock('../../lib/messages/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../lib/messages/client')>()),
  request: background.request,
}));

beforeEach(async () => {
  await speakFrench();
  background.request.mockClear();
});
afterEach(cleanup);

function fill(label: RegExp, value: string) {
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

/** The form opened and filled but for what it answers: what it says goes into the array returned. */
function openFilled(answerable: Answerable[]): string[] {
  const said: string[] = [];
  render(<RexForm tags={[]} answerable={answerable} onSaid={(text) => said.push(text)} />);
  fireEvent.click(screen.getByRole('button', { name: 'Partager un retour d’expérience' }));
  fill(/^Titre/, 'Des directs');
  fill(/^Ce que vous avez tenté/, 'Un direct par semaine');
  fill(/^Ce qui en est ressorti/, 'Portée doublée');
  fill(/^Mois de l’expérience/, '2026-11');
  return said;
}

describe('RexForm', () => {
  it('refuses a month typed in words, in words, then sends the REX once the month is 2026-11', async () => {
    const said: [string, string | undefined][] = [];
    render(<RexForm tags={[]} onSaid={(text, kind) => said.push([text, kind])} />);
    fireEvent.click(screen.getByRole('button', { name: 'Partager un retour d’expérience' }));
    fill(/^Titre/, 'Des directs');
    fill(/^Ce que vous avez tenté/, 'Un direct par semaine');
    fill(/^Ce qui en est ressorti/, 'Portée doublée');
    fill(/^Mois de l’expérience/, 'novembre 2026');
    // Submitted as Firefox ESR submits it: its month field is text, which the browser does not check.
    fireEvent.submit(screen.getByRole('button', { name: 'Partager avec le COPIL' }).closest('form')!);
    expect(said).toEqual([['Indiquez le mois sous la forme année-mois, par exemple 2026-11.', 'error']]);
    expect(background.request).not.toHaveBeenCalledWith('shareRex', expect.anything());

    fill(/^Mois de l’expérience/, '2026-11');
    fireEvent.click(screen.getByRole('button', { name: 'Partager avec le COPIL' }));
    await waitFor(() => expect(said.at(-1)).toEqual(['Retour d’expérience partagé avec le COPIL.', undefined]));
    expect(background.request).toHaveBeenCalledWith('shareRex', { title: 'Des directs', tags: [], rex: { collectivite: 'commune', platform: 'facebook', tried: 'Un direct par semaine', outcome: 'Portée doublée', when: '2026-11' } });
  });

  it('answers a COPIL alert by its share, or one of the member’s own alerts by its article', async () => {
    background.request.mockImplementation(async (type: unknown) => (type === 'listAlerts' ? OWN_ALERTS : { id: 'x', sent: true }));
    const shared = [{ id: 'share-ttpa-0001', kind: 'alert' as const, title: 'Alerte TTPA', url: 'https://about.fb.com/fr/news/', priority: 'critical' as const }];
    const said = openFilled(shared);
    const choice = (await screen.findByRole('option', { name: 'Publicité politique : TTPA : le règlement européen' })) as HTMLOptionElement;
    // The COPIL's alert is offered too, under its share's id.
    expect((screen.getByRole('option', { name: 'Alerte : Alerte TTPA' }) as HTMLOptionElement).value).toBe('share-ttpa-0001');
    fireEvent.change(screen.getByLabelText(/^En réponse à/), { target: { value: choice.value } });
    fireEvent.click(screen.getByRole('button', { name: 'Partager avec le COPIL' }));
    await waitFor(() => expect(said).toEqual(['Retour d’expérience partagé avec le COPIL.']));
    expect(background.request).toHaveBeenLastCalledWith('shareRex', expect.objectContaining({ rex: expect.objectContaining({ answers: [{ title: 'TTPA : le règlement européen', url: 'https://eur-lex.europa.eu/ttpa' }] }) }));
  });

  it('answers several things at once, each removable, and no more than ten', async () => {
    const shared = Array.from({ length: 11 }, (_, n) => ({ id: `share-ttpa-${String(n).padStart(4, '0')}`, kind: 'item' as const, title: `Article ${n}`, url: `https://exemple.fr/${n}`, priority: undefined }));
    const said = openFilled(shared);
    const choose = (value: string) => fireEvent.change(screen.getByLabelText(/^En réponse à/), { target: { value } });
    choose('share-ttpa-0000');
    choose('share-ttpa-0001');
    // Each chosen answer is listed, out of the choice, with its own « Retirer ».
    const chosen = screen.getByRole('list', { name: 'Ce à quoi il répond' });
    expect([...chosen.querySelectorAll('li > span')].map((span) => span.textContent)).toEqual(['Article 0', 'Article 1']);
    expect(screen.queryByRole('option', { name: 'Article 0' })).toBeNull();
    const select = screen.getByLabelText(/^En réponse à/) as HTMLSelectElement;
    // The choice stays on its prompt, which now offers another one.
    expect([select.value, select.options[0]?.textContent]).toEqual(['', 'Ajouter une autre alerte ou un autre article…']);
    fireEvent.click(screen.getByRole('button', { name: 'Retirer « Article 0 » des réponses' }));
    for (let n = 2; n <= 10; n++) choose(`share-ttpa-${String(n).padStart(4, '0')}`);
    // Ten: the choice closes and says why.
    expect(select.disabled).toBe(true);
    // Said beside the closed choice, and tied to it for a screen reader.
    expect(document.getElementById(select.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Un retour d’expérience répond à 10 choses au plus : retirez-en une pour en ajouter une autre.');
    fireEvent.click(screen.getByRole('button', { name: 'Partager avec le COPIL' }));
    await waitFor(() => expect(said).toEqual(['Retour d’expérience partagé avec le COPIL.']));
    const sent = background.request.mock.calls.at(-1)![1] as { rex: { answers: { shareId: string }[] } };
    expect(sent.rex.answers.map((answer) => answer.shareId)).toEqual(['share-ttpa-0001', ...Array.from({ length: 9 }, (_, n) => `share-ttpa-${String(n + 2).padStart(4, '0')}`)]);
  });
});
