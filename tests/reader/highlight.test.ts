import { describe, expect, it } from 'vitest';
import { highlightParts } from '../../lib/reader/highlight';

describe('highlightParts', () => {
  it('marks the words typed as the search finds them, accents and case aside', () => {
    expect(highlightParts('Réglementation européenne : le DSA', 'reglementation EUROPE')).toEqual([
      { text: 'Réglementation', match: true },
      { text: ' ', match: false },
      { text: 'europé', match: true },
      { text: 'enne : le DSA', match: false },
    ]);
  });

  it('leaves the title whole when nothing is typed, or only one letter', () => {
    expect(highlightParts('Les Reels', '')).toEqual([{ text: 'Les Reels', match: false }]);
    expect(highlightParts('Les Reels', ' e ')).toEqual([{ text: 'Les Reels', match: false }]);
  });

  it('keeps every character of a title with ligatures and emoji', () => {
    const title = 'Œuvre 🎬 cœur';
    expect(highlightParts(title, 'coeur').map((part) => part.text).join('')).toBe(title);
  });
});
