import { describe, expect, it } from 'vitest';
import { IsoDateSchema } from '../../lib/model/source';

describe('IsoDateSchema', () => {
  it('accepts a full ISO date-time with its offset, as feeds and the store write them', () => {
    for (const value of ['2026-11-28T08:00:00.000Z', '2026-11-28T08:00:00Z', '2026-11-28T09:00:00+01:00', '2026-11-28T08:00Z']) {
      expect(IsoDateSchema.safeParse(value).success, value).toBe(true);
    }
  });

  it('refuses dates without a time or an offset, impossible moments and anything else', () => {
    for (const value of ['2026-11-28', '2026-11-28T08:00:00', '2026-13-45T08:00:00Z', '28/11/2026 08:00', 'hier', '', 42]) {
      const checked = IsoDateSchema.safeParse(value);
      expect(checked.success, String(value)).toBe(false);
    }
    expect(IsoDateSchema.safeParse('2026-11-28').error?.issues[0]?.message).toBe('not a valid ISO date');
  });
});
