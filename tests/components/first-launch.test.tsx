// @vitest-environment happy-dom
import { cleanup, render, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { Popup } from '../../components/popup/Popup';
import { refreshDoneText } from '../../components/ui/count';
import type { Summary } from '../../lib/messages/protocol';
import { speakFrench } from './french';

/**
 * A first launch with no network: thirteen curated sources fail. The popup says it once, as the network, and
 * never « La première relève est en cours » beside « Relève terminée ».
 */
speakFrench();
afterEach(cleanup);

const failing = (n: number) => ({ id: `s${n}`, title: `Source ${n}`, url: `https://exemple.fr/${n}.xml`, enabled: true, consecutiveFailures: 1, lastError: { code: 'network' as const, detail: 'Failed to fetch' } });
const summary = (refreshing: boolean): Summary => ({
  newCount: 0,
  refreshing,
  latest: [],
  alerts: { unread: 0, latest: [] },
  sources: Array.from({ length: 13 }, (_, n) => failing(n)),
  tags: [],
});

let refreshing = true;
beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.runtime.onMessage.addListener(async (message: unknown) => {
    const { type } = message as { type?: string };
    if (type === 'summary') return { ok: true, result: summary(refreshing) };
    if (type === 'markSeen') return { ok: true, result: {} };
    return undefined;
  });
});

describe('a first launch where no source answers', () => {
  it('says the network once, not thirteen failures; the empty list says the same, not « en cours »', async () => {
    refreshing = false;
    render(<Popup />);
    await waitFor(() => expect(document.querySelector('.empty')?.textContent).toBe("Aucune source n'a pu être lue pour l'instant : le réseau semble injoignable."));
    await fakeBrowser.runtime.onMessage.trigger({ channel: 'vigie', event: 'refreshFinished', added: 0, failed: 13 }, {});
    await waitFor(() => expect(document.querySelector('main > p.status')?.textContent).toBe("Aucune source n'a répondu : le réseau semble injoignable. Vérifiez la connexion, ou le proxy de votre administration."));
  });

  it('while the first refresh runs, the empty list says so', async () => {
    refreshing = true;
    render(<Popup />);
    await waitFor(() => expect(document.querySelector('.empty')?.textContent).toBe('La relève est en cours…'));
  });

  it('counts as before when some sources answered', () => {
    expect(refreshDoneText(0, 13, 13)).toMatch(/^Aucune source n'a répondu/);
    expect(refreshDoneText(2, 3, 13)).toBe('Relève terminée : 2 nouveaux, 3 sources en erreur');
    expect(refreshDoneText(0, 3, 13)).toBe('Relève terminée : 0 nouveau, 3 sources en erreur');
  });
});
