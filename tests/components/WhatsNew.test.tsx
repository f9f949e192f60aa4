// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { WhatsNew } from '../../components/about/WhatsNew';
import { BEFORE_NOTING, type PendingWhatsNew } from '../../lib/about/whats-new';
import type { VigieReader } from '../../lib/store/reader';
import { speakFrench } from './french';

/** « Quoi de neuf », as the member sees it over the dashboard after an update. */
speakFrench();
afterEach(cleanup);

let requests: string[];
beforeEach(() => {
  fakeBrowser.reset();
  requests = [];
  fakeBrowser.runtime.onMessage.addListener(async (message: unknown) => {
    const { type } = message as { type?: string };
    if (!type) return undefined;
    requests.push(type);
    return { ok: true, result: {} };
  });
});

const readerWith = (pending: PendingWhatsNew | undefined) => ({ whatsNew: async () => pending }) as unknown as VigieReader;

describe('« Quoi de neuf »', () => {
  it('after an update, says from which version to which, lists what changed since, and is marked seen', async () => {
    render(<WhatsNew reader={readerWith({ from: '0.1.0', to: '0.2.0' })} />);
    const dialog = await screen.findByRole('dialog', { name: 'Quoi de neuf dans Vigie 0.2.0' });
    expect(dialog.textContent).toContain('Vigie est passé de la version 0.1.0 à la version 0.2.0.');
    expect(dialog.textContent).toContain('Version 0.2.0.');
    // What 0.1.0 already had is not news.
    expect(dialog.textContent).not.toContain('collection France');
    await waitFor(() => expect(requests).toEqual(['whatsNewSeen']));

    fireEvent.click(screen.getByRole('button', { name: 'Fermer les nouveautés' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('after a build that never noted its version, shows every line, the retired source among them', async () => {
    render(<WhatsNew reader={readerWith({ from: BEFORE_NOTING, to: '0.2.0' })} />);
    const dialog = await screen.findByRole('dialog', { name: 'Quoi de neuf dans Vigie 0.2.0' });
    expect(dialog.textContent).toContain('Vigie a été mis à jour (version 0.2.0).');
    expect(dialog.textContent).toContain('collection France');
  });

  it('shows nothing and asks nothing when there is no update to tell', async () => {
    render(<WhatsNew reader={readerWith(undefined)} />);
    await new Promise((done) => setTimeout(done, 700));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(requests).toEqual([]);
  });
});
