import { describe, it, expect } from 'vitest';
import { normaliseDate } from '../../lib/feeds/dates';

/** A fixed "now" so that the future limit does not move with the clock. */
const NOW = Date.UTC(2025, 5, 20, 12, 0, 0);
const read = (raw: string | undefined) => normaliseDate(raw, NOW);

describe('normaliseDate', () => {
  it('reads RFC 822 dates in GMT', () => {
    expect(read('Thu, 12 Jun 2025 08:30:00 GMT')).toBe('2025-06-12T08:30:00.000Z');
  });

  it('reads RFC 822 dates with a numeric offset', () => {
    expect(read('Thu, 12 Jun 2025 08:30:00 +0200')).toBe('2025-06-12T06:30:00.000Z');
    expect(read('Thu, 12 Jun 2025 08:30:00 -0300')).toBe('2025-06-12T11:30:00.000Z');
  });

  it('reads US and European zone abbreviations', () => {
    expect(read('Thu, 12 Jun 2025 08:30:00 PST')).toBe('2025-06-12T16:30:00.000Z');
    expect(read('Thu, 12 Jun 2025 08:30:00 PDT')).toBe('2025-06-12T15:30:00.000Z');
    expect(read('Thu, 12 Jun 2025 08:30:00 EST')).toBe('2025-06-12T13:30:00.000Z');
    expect(read('Thu, 12 Jun 2025 08:30:00 CEST')).toBe('2025-06-12T06:30:00.000Z');
    expect(read('Thu, 12 Jun 2025 08:30:00 CET')).toBe('2025-06-12T07:30:00.000Z');
    expect(read('Thu, 12 Jun 2025 08:30:00 UT')).toBe('2025-06-12T08:30:00.000Z');
    expect(read('Thu, 12 Jun 2025 08:30:00 Z')).toBe('2025-06-12T08:30:00.000Z');
  });

  it('reads RFC 822 dates without seconds, without weekday, with a single-digit day', () => {
    expect(read('Mon, 2 Jun 2025 09:05 +0200')).toBe('2025-06-02T07:05:00.000Z');
    expect(read('2 Jun 2025 09:05:00 GMT')).toBe('2025-06-02T09:05:00.000Z');
  });

  it('reads ISO 8601 dates', () => {
    expect(read('2025-06-15T09:00:00+02:00')).toBe('2025-06-15T07:00:00.000Z');
    expect(read('2025-06-15T07:00:00Z')).toBe('2025-06-15T07:00:00.000Z');
    expect(read('2025-06-15T07:00:00.123Z')).toBe('2025-06-15T07:00:00.123Z');
    expect(read('2025-06-15')).toBe('2025-06-15T00:00:00.000Z');
  });

  it('trims surrounding whitespace', () => {
    expect(read('\n   2025-06-15T07:00:00Z \n')).toBe('2025-06-15T07:00:00.000Z');
  });

  it('gives up on localized day and month names (Portuguese, French)', () => {
    expect(read('Seg, 24 Set 2018 12:00:00 -0300')).toBeUndefined();
    expect(read('ven., 13 juin 2025 09:00:00 +0200')).toBeUndefined();
    expect(read('lundi 2 juin 2025')).toBeUndefined();
  });

  it('reads a two-digit year and a time without colon right, or not at all, never with a wrong year', () => {
    const result = read('03 Apr 02 1500 GMT');
    if (result !== undefined) expect(result).toBe('2002-04-03T15:00:00.000Z');
  });

  it('reads two-digit years in the 21st century', () => {
    expect(read('Tue, 10 Jun 25 09:00:00 GMT')).toBe('2025-06-10T09:00:00.000Z');
  });

  it('refuses dates far in the future, but tolerates a little clock skew', () => {
    expect(read('Thu, 01 Jan 2099 00:00:00 GMT')).toBeUndefined();
    expect(read('2099-06-15T09:00:00Z')).toBeUndefined();
    expect(read('2025-06-21T12:00:00Z')).toBe('2025-06-21T12:00:00.000Z');
  });

  it('refuses dates before the Web existed', () => {
    expect(read('Thu, 01 Jan 1970 00:00:00 GMT')).toBeUndefined();
    expect(read('1900-01-01')).toBeUndefined();
  });

  it('is undefined for nothing, blanks and nonsense', () => {
    expect(read(undefined)).toBeUndefined();
    expect(read('')).toBeUndefined();
    expect(read('   ')).toBeUndefined();
    expect(read('mardi dernier, vers midi')).toBeUndefined();
    expect(read('32/13/2025')).toBeUndefined();
  });

  it('uses the current time by default', () => {
    expect(normaliseDate('2001-09-09T01:46:40Z')).toBe('2001-09-09T01:46:40.000Z');
    expect(normaliseDate(new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString())).toBeUndefined();
  });
});
