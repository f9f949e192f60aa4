// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RexForm } from '../../components/hub/RexForm';
import { speakFrench } from './french';

/**
 * The « retour d'expérience » form: what it sends, and a month typed in words (Firefox ESR shows the month field
 * as plain text) said in words before anything is sent.
 */
const background = vi.hoisted(() => ({ request: vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ id: 'x', sent: true })) }));
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

describe('RexForm', () => {
  it('refuses a month typed in words, in words, then sends the REX once the month is 2026-11', async () => {
    const said: [string, string | undefined][] = [];
    render(<RexForm tags={[]} onSaid={(text, kind) => said.push([text, kind])} />);
    fireEvent.click(screen.getByRole('button', { name: 'Partager un retour d’expérience' }));
    fill(/^Titre/, 'Des directs');
    fill(/^Ce que vous avez tenté/, 'Un direct par semaine');
    fill(/^Ce qui en est ressorti/, 'Portée doublée');
    fill(/^Quand/, 'novembre 2026');
    // Submitted as Firefox ESR submits it: its month field is text, which the browser does not check.
    fireEvent.submit(screen.getByRole('button', { name: 'Partager avec le COPIL' }).closest('form')!);
    expect(said).toEqual([['Indiquez le mois sous la forme année-mois, par exemple 2026-11.', 'error']]);
    expect(background.request).not.toHaveBeenCalled();

    fill(/^Quand/, '2026-11');
    fireEvent.click(screen.getByRole('button', { name: 'Partager avec le COPIL' }));
    await waitFor(() => expect(said.at(-1)).toEqual(['Retour d’expérience partagé avec le COPIL.', undefined]));
    expect(background.request).toHaveBeenCalledWith('shareRex', { title: 'Des directs', tags: [], rex: { collectivite: 'commune', platform: 'facebook', tried: 'Un direct par semaine', outcome: 'Portée doublée', when: '2026-11' } });
  });
});
