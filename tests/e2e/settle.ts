import type { LoadedExtension } from './extension';

/**
 * Every test starts from a settled background: the curated pack's first refresh (which fails offline and
 * writes each curated source's health) has ended. Then the poll alarm is cleared: the tests drive every
 * refresh themselves (the `refresh` request), so that no tick of the alarm lands between two snapshots.
 * The alarm is set when the extension is installed or the browser starts: it is waited for before clearing.
 */
export async function settleAndStopPolling(vigie: Pick<LoadedExtension, 'request' | 'api'>): Promise<{ periodInMinutes?: number }> {
  const idle = await vigie.request('refreshIdle');
  if (!idle.ok) throw new Error(`refreshIdle refused: ${idle.message}`);
  let scheduled: { periodInMinutes?: number } | undefined;
  for (let tries = 0; !scheduled && tries < 100; tries += 1) {
    scheduled = await vigie.api((api) => api.alarms.get('vigie-poll'));
    if (!scheduled) await new Promise((done) => setTimeout(done, 100));
  }
  if (!scheduled) throw new Error('the background set no poll alarm within 10 s of its start');
  await vigie.api((api) => api.alarms.clear('vigie-poll'));
  return scheduled;
}
