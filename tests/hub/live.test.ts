/**
 * The dashboard's live client (lib/hub/live.ts): a share reaches every open dashboard at once, and each must
 * not pull in the same millisecond as the 149 others.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LIVE_PULL_JITTER_MS, followHub } from '../../lib/hub/live';

/** A hub whose event stream sends these blocks, then stays open. */
function hubSending(blocks: string[]) {
  return vi.fn(async () => new Response(new ReadableStream<Uint8Array>({
    start(controller) {
      for (const block of blocks) controller.enqueue(new TextEncoder().encode(block));
    },
  }), { status: 200, headers: { 'content-type': 'text/event-stream' } }));
}

describe('followHub', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('pulls at once on hello, after a random wait on a change, and once for changes met while waiting', async () => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    vi.stubGlobal('fetch', hubSending(['event: hello\ndata: {"cursor":1}\n\n', 'event: change\ndata: {"cursor":2}\n\n', 'event: change\ndata: {"cursor":3}\n\n']));
    const controller = new AbortController();
    const onChange = vi.fn();
    followHub('https://hub.example.fr', 'vh_token', onChange, controller.signal);
    await vi.advanceTimersByTimeAsync(1);
    expect(onChange).toHaveBeenCalledTimes(1); // hello
    await vi.advanceTimersByTimeAsync(LIVE_PULL_JITTER_MS / 2 - 10);
    expect(onChange).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(20);
    expect(onChange).toHaveBeenCalledTimes(2); // the two changes, one pull
    await vi.advanceTimersByTimeAsync(LIVE_PULL_JITTER_MS * 2);
    expect(onChange).toHaveBeenCalledTimes(2);
    controller.abort();
  });

  it('spreads 150 dashboards\' pulls over the wait instead of one millisecond', async () => {
    vi.useFakeTimers();
    const pulls: number[] = [];
    const controller = new AbortController();
    vi.stubGlobal('fetch', hubSending(['event: change\ndata: {"cursor":2}\n\n']));
    for (let i = 0; i < 150; i++) followHub('https://hub.example.fr', 'vh_token', () => pulls.push(Date.now()), controller.signal);
    const start = Date.now();
    await vi.advanceTimersByTimeAsync(LIVE_PULL_JITTER_MS + 1);
    controller.abort();
    expect(pulls).toHaveLength(150);
    const offsets = pulls.map((at) => at - start);
    expect(Math.max(...offsets)).toBeLessThanOrEqual(LIVE_PULL_JITTER_MS);
    // Not all at once: at most a handful of the 150 pulls fall in any one millisecond.
    const perMs = new Map<number, number>();
    for (const offset of offsets) perMs.set(offset, (perMs.get(offset) ?? 0) + 1);
    expect(Math.max(...perMs.values())).toBeLessThan(10);
  });

  it('makes no pull after the page closed', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('fetch', hubSending(['event: change\ndata: {"cursor":2}\n\n']));
    const controller = new AbortController();
    const onChange = vi.fn();
    followHub('https://hub.example.fr', 'vh_token', onChange, controller.signal);
    await vi.advanceTimersByTimeAsync(1);
    controller.abort();
    await vi.advanceTimersByTimeAsync(LIVE_PULL_JITTER_MS * 2);
    expect(onChange).not.toHaveBeenCalled();
  });
});
