import { describe, expect, it } from 'vitest';
import { highestPriority } from '../../lib/model/vocabulary';

describe('highestPriority', () => {
  it('picks the most urgent, skipping absent ones, and none from none', () => {
    expect(highestPriority(['info', 'critical', 'important'])).toBe('critical');
    expect(highestPriority([undefined, 'important', 'info'])).toBe('important');
    expect(highestPriority([undefined])).toBeUndefined();
    expect(highestPriority([])).toBeUndefined();
  });
});
