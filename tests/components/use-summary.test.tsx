// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { useSummary, type SummaryListener } from '../../components/popup/use-summary';
import type { Summary } from '../../lib/messages/protocol';
import { speakFrench } from './french';

/**
 * The popup's summary: painted from the kept one, asked afresh once opening marked the news as seen, and
 * at each event; the count of new items is what was new at opening plus what arrives while it is open.
 */
speakFrench();
afterEach(cleanup);

const summary = (newCount: number, refreshing = false): Summary => ({ newCount, refreshing, latest: [], alerts: { unread: 0, latest: [] }, sources: [], tags: [] });

/** A background whose `summary` answers the new count since the last `markSeen`. */
let background: { newCount: number; requests: string[] };
beforeEach(() => {
  fakeBrowser.reset();
  background = { newCount: 0, requests: [] };
  fakeBrowser.runtime.onMessage.addListener(async (message: unknown) => {
    const { type } = message as { type?: string };
    if (!type) return undefined;
    background.requests.push(type);
    if (type === 'markSeen') {
      background.newCount = 0;
      return { ok: true, result: {} };
    }
    return type === 'summary' ? { ok: true, result: summary(background.newCount) } : { ok: false, code: 'error', params: { detail: type } };
  });
});

function Probe({ kept, on }: { kept?: Summary; on: SummaryListener }) {
  const { summary: shown, newCount, refreshing } = useSummary(kept, on);
  return <p data-testid="probe">{shown ? `${newCount} new${refreshing ? ', refreshing' : ''}` : 'loading'}</p>;
}

const probe = () => screen.getByTestId('probe').textContent;
const listener = (): SummaryListener => ({ error: vi.fn(), refreshed: vi.fn() });
const emit = (event: object) => fakeBrowser.runtime.onMessage.trigger({ channel: 'vigie', ...event }, {});

describe('useSummary', () => {
  it('paints the kept summary with its count once, not twice, then marks it seen', async () => {
    background.newCount = 3;
    render(<Probe kept={summary(3)} on={listener()} />);
    expect(probe()).toBe('3 new');
    await waitFor(() => expect(background.requests).toEqual(['markSeen', 'summary']));
    expect(probe()).toBe('3 new');
  });

  it('asks for the summary first when none was kept, and keeps the count of the opening', async () => {
    background.newCount = 2;
    render(<Probe on={listener()} />);
    expect(probe()).toBe('loading');
    await waitFor(() => expect(background.requests).toEqual(['summary', 'markSeen', 'summary']));
    expect(probe()).toBe('2 new');
  });

  it('adds what arrives while the popup is open, and follows refreshes', async () => {
    const on = listener();
    background.newCount = 1;
    render(<Probe kept={summary(1)} on={on} />);
    await waitFor(() => expect(background.requests).toEqual(['markSeen', 'summary']));
    await emit({ event: 'refreshStarted' });
    await waitFor(() => expect(probe()).toBe('1 new, refreshing'));
    background.newCount = 2;
    await emit({ event: 'refreshFinished', added: 2, failed: 0 });
    await waitFor(() => expect(probe()).toBe('3 new'));
    expect(on.refreshed).toHaveBeenCalledWith(2, 0);
  });

  it('reports a request the background refused', async () => {
    const on = listener();
    fakeBrowser.reset();
    fakeBrowser.runtime.onMessage.addListener(async (message: unknown) =>
      (message as { type?: string }).type ? { ok: false, code: 'error', params: { detail: 'store closed' } } : undefined,
    );
    render(<Probe kept={summary(0)} on={on} />);
    await waitFor(() => expect(on.error).toHaveBeenCalled());
    expect((on.error as ReturnType<typeof vi.fn>).mock.calls[0]?.[0]).toMatchObject({ code: 'error' });
  });

  it('on a store a newer Vigie made, drops the kept summary: nothing of it is shown under the reason', async () => {
    fakeBrowser.reset();
    fakeBrowser.runtime.onMessage.addListener(async () => ({ ok: false, code: 'store-newer', params: { found: 7, supported: 6 } }));
    const on = listener();
    render(<Probe kept={summary(3)} on={on} />);
    expect(probe()).toBe('3 new');
    await waitFor(() => expect(probe()).toBe('loading'));
    expect(on.error).toHaveBeenCalled();
  });
});
