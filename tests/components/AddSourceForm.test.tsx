// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { AddSourceForm } from '../../components/sources/AddSourceForm';
import { StatusLine, type Said } from '../../components/ui/StatusLine';
import { speakFrench } from './french';

/**
 * Adding a source while the browser's permission prompt is open: the form says what it waits for, offers to
 * stop waiting, and ignores the prompt's answer once the member cancelled.
 */
const background = vi.hoisted(() => ({ request: vi.fn(async (..._args: unknown[]): Promise<unknown> => undefined) }));
vi.mock('../../lib/messages/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../lib/messages/client')>()),
  request: background.request,
}));

const WAITING = "Autorisez l'accès à https://exemple.fr dans la fenêtre du navigateur.";
const CANCEL = "Annuler la demande d'accès à https://exemple.fr";

/** The browser's prompt, answered when the test says. */
function prompt() {
  let answer: (granted: boolean) => void = () => undefined;
  const request = vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation((() => new Promise<boolean>((resolve) => (answer = resolve))) as typeof fakeBrowser.permissions.request);
  return { request, answer: (granted: boolean) => act(() => answer(granted)) };
}

/** The form under the screen's status line, as the Sources screen shows them; every sentence said is kept. */
function setUp() {
  const said: string[] = [];
  function Screen() {
    const [last, setLast] = useState<Said>();
    return (
      <>
        <StatusLine said={last} />
        <AddSourceForm say={(next) => (said.push(next.text), setLast(next))} />
      </>
    );
  }
  render(<Screen />);
  fireEvent.input(screen.getByRole('textbox', { name: "Adresse d'un flux ou d'une page web (obligatoire)" }), { target: { value: 'exemple.fr' } });
  const button = screen.getByRole('button', { name: 'Chercher les flux' });
  const search = () => {
    // The member's click: the button has the focus, then the form is sent.
    button.focus();
    fireEvent.submit(button.closest('form')!);
  };
  return { said, button, search, status: () => document.querySelector('.admin-status')?.textContent };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeEach(() => {
  speakFrench();
  background.request.mockReset();
  background.request.mockResolvedValue({ feeds: [{ url: 'https://exemple.fr/feed.xml', title: 'Exemple', format: 'rss' }] });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('AddSourceForm and the permission prompt', () => {
  it('asks at once, then says where to allow access and offers to cancel while the prompt stays open', async () => {
    const { request, answer } = prompt();
    const { search, status } = setUp();
    search();
    // Straight from the gesture, before anything else is awaited.
    expect(request).toHaveBeenCalledWith({ origins: ['https://exemple.fr/*'] });
    expect(status()).toBe('');
    await waitFor(() => expect(status()).toBe(WAITING));
    expect(screen.getByRole('button', { name: CANCEL }).textContent).toBe('Annuler');
    await answer(true);
    await waitFor(() => expect(status()).toBe('1 flux trouvé.'));
    expect(screen.queryByRole('button', { name: CANCEL })).toBeNull();
    expect(background.request).toHaveBeenCalledWith('discoverFeeds', { url: 'https://exemple.fr/' });
  });

  it('says nothing of the prompt when the origin is already granted', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation((async () => true) as typeof fakeBrowser.permissions.request);
    const { said, search, status } = setUp();
    search();
    await waitFor(() => expect(status()).toBe('1 flux trouvé.'));
    await pause(400);
    expect(said.some((text) => text.includes('Autorisez'))).toBe(false);
    expect(screen.queryByRole('button', { name: CANCEL })).toBeNull();
  });

  it('comes back to its normal state when the member cancels, and ignores a late yes', async () => {
    const { answer } = prompt();
    const { button, search, status } = setUp();
    search();
    const cancel = await screen.findByRole('button', { name: CANCEL });
    cancel.focus();
    fireEvent.click(cancel);
    expect(status()).toBe("Demande d'accès à https://exemple.fr annulée. Si la fenêtre du navigateur est encore ouverte, fermez-la.");
    expect(screen.queryByRole('button', { name: CANCEL })).toBeNull();
    // The cancel button is gone from under the keyboard: focus is back on the button the member pressed.
    expect(document.activeElement).toBe(button);
    expect((button as HTMLButtonElement).disabled).toBe(false);
    await answer(true);
    await pause(50);
    expect(background.request).not.toHaveBeenCalled();
    expect(status()).toContain('annulée');
  });

  it('still says the refusal when the member refuses in the prompt', async () => {
    const { answer } = prompt();
    const { search, status } = setUp();
    search();
    await waitFor(() => expect(status()).toBe(WAITING));
    await answer(false);
    await waitFor(() => expect(status()).toBe("Autorisation refusée : Vigie ne peut pas lire https://exemple.fr, rien n'a changé."));
    expect(screen.queryByRole('button', { name: CANCEL })).toBeNull();
    expect(background.request).not.toHaveBeenCalled();
  });
});
