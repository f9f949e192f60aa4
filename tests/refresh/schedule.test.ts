import { describe, expect, it } from 'vitest';
import type { Source } from '../../lib/model/source';
import { isDue, nextFetchTime } from '../../lib/refresh/schedule';
import { makeSource } from '../store/fixtures';

const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;
const LAST = Date.parse('2025-06-01T12:00:00.000Z');

const fetched = (fields: Partial<Source> & { failures?: number } = {}): Source => {
  const { failures = 0, ...rest } = fields;
  return makeSource({
    id: 'src',
    intervalMinutes: 30,
    ...rest,
    health: { consecutiveFailures: failures, lastFetch: new Date(LAST).toISOString() },
  });
};

describe('isDue', () => {
  it('is due at once for a source never fetched', () => {
    expect(isDue(makeSource({ id: 'new' }), LAST)).toBe(true);
  });

  it('is due once its interval has passed since the last fetch, not before', () => {
    const source = fetched({ intervalMinutes: 30 });
    expect(isDue(source, LAST + 29 * MINUTE)).toBe(false);
    expect(isDue(source, LAST + 30 * MINUTE - 1)).toBe(false);
    expect(isDue(source, LAST + 30 * MINUTE)).toBe(true);
    expect(isDue(source, LAST + 3 * DAY)).toBe(true);
  });

  it('is never due for a disabled source, fetched or not', () => {
    expect(isDue(makeSource({ id: 'off', enabled: false }), LAST)).toBe(false);
    expect(isDue(fetched({ enabled: false }), LAST + 365 * DAY)).toBe(false);
  });

  it('backs off exponentially: the interval doubles per failure in a row', () => {
    const wait = (failures: number) => nextFetchTime(fetched({ intervalMinutes: 30, failures })) - LAST;
    expect(wait(0)).toBe(30 * MINUTE);
    expect(wait(1)).toBe(60 * MINUTE);
    expect(wait(2)).toBe(120 * MINUTE);
    expect(wait(3)).toBe(240 * MINUTE);
    const twice = fetched({ intervalMinutes: 30, failures: 2 });
    expect(isDue(twice, LAST + 119 * MINUTE)).toBe(false);
    expect(isDue(twice, LAST + 120 * MINUTE)).toBe(true);
  });

  it('caps the back-off at a day, however many failures', () => {
    const wait = (failures: number, intervalMinutes = 30) => nextFetchTime(fetched({ intervalMinutes, failures })) - LAST;
    expect(wait(5)).toBe(960 * MINUTE);
    expect(wait(6)).toBe(DAY);
    expect(wait(16)).toBe(DAY);
    expect(wait(1000)).toBe(DAY);
    expect(wait(1, 1)).toBe(2 * MINUTE);
    const dead = fetched({ intervalMinutes: 1, failures: 1000 });
    expect(isDue(dead, LAST + DAY - 1)).toBe(false);
    expect(isDue(dead, LAST + DAY)).toBe(true);
  });

  it('never waits less than the interval itself when the interval is longer than a day', () => {
    const weekly = 7 * 24 * 60;
    expect(nextFetchTime(fetched({ intervalMinutes: weekly, failures: 3 })) - LAST).toBe(weekly * MINUTE);
  });
});
