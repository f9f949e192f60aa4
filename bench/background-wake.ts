/**
 * What a member feels of the background's size: how long a request takes when the service worker was
 * stopped (Chrome stops it after 30 s idle), which loads and runs the whole background script again and opens
 * the store, against the same request to a worker already awake. In Debian's Chromium, the end-to-end build.
 */
import { loadExtension } from '../tests/e2e/extension';

type Report = (figure: string, fields: Record<string, unknown>) => void;

declare const chrome: { runtime: { sendMessage: (message: unknown) => Promise<unknown> } };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

export async function benchBackgroundWake(report: Report): Promise<void> {
  const vigie = await loadExtension();
  try {
    const page = await vigie.open('blank.html');
    const cdp = await vigie.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    const ask = () => page.evaluate(async () => {
      const start = performance.now();
      await chrome.runtime.sendMessage({ channel: 'vigie', type: 'summary', params: {} });
      return performance.now() - start;
    });
    const cold: number[] = [];
    const warm: number[] = [];
    for (let round = 0; round < 12; round++) {
      await cdp.send('ServiceWorker.stopAllWorkers');
      await new Promise((resolve) => setTimeout(resolve, 300));
      cold.push(await ask());
      warm.push(await ask());
    }
    report('background-wake', {
      coldMs: Number(median(cold.slice(2)).toFixed(1)),
      warmMs: Number(median(warm.slice(2)).toFixed(1)),
      note: 'a summary request to a stopped service worker (script loaded and run again, store opened) against one to a worker awake; medians of 10 after 2 warm-up rounds',
    });
  } finally {
    await vigie.close();
  }
}
