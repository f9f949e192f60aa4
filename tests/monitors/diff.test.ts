import { describe, expect, it } from 'vitest';
import { ChangeSchema, type DiffPart } from '../../lib/model/change';
import { countWords, ELLIPSIS, wordDiff } from '../../lib/monitors/diff';

const text = (parts: DiffPart[], ops: DiffPart['op'][] = ['equal', 'insert']) =>
  parts.filter((part) => ops.includes(part.op)).map((part) => part.text).join('');
const numbered = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `mot${from + i}`).join(' ');

describe('wordDiff', () => {
  it('marks the words changed, word by word', () => {
    const diff = wordDiff('Les publicités sans mention sont retirées.', 'Les publicités sans mention « Payé par » sont supprimées.');
    expect(diff.parts).toEqual([
      { op: 'equal', text: 'Les publicités sans mention ' },
      { op: 'insert', text: '« Payé par » ' },
      { op: 'equal', text: 'sont ' },
      { op: 'delete', text: 'retirées' },
      { op: 'insert', text: 'supprimées' },
      { op: 'equal', text: '.' },
    ]);
    expect(diff).toMatchObject({ added: 3, removed: 1, truncated: false });
  });

  it('gives nothing for the same text', () => {
    expect(wordDiff('identique', 'identique')).toEqual({ parts: [], added: 0, removed: 0, truncated: false });
  });

  it('cuts unchanged stretches down to a few words around each change, with a "…" part', () => {
    const before = `${numbered(1, 50)} ancien ${numbered(51, 100)}`;
    const after = `${numbered(1, 50)} nouveau ${numbered(51, 100)}`;
    const diff = wordDiff(before, after, { context: 3 });
    expect(diff.parts).toEqual([
      { op: 'equal', text: ELLIPSIS },
      { op: 'equal', text: ' mot48 mot49 mot50 ' },
      { op: 'delete', text: 'ancien' },
      { op: 'insert', text: 'nouveau' },
      { op: 'equal', text: ' mot51 mot52 mot53 ' },
      { op: 'equal', text: ELLIPSIS },
    ]);
  });

  it('cuts the middle of a long stretch between two changes, keeping context on both sides', () => {
    const diff = wordDiff(`a ${numbered(1, 30)} b`, `A ${numbered(1, 30)} B`, { context: 2 });
    expect(diff.parts.map((part) => part.text)).toEqual(['a', 'A', ' mot1 mot2 ', ELLIPSIS, ' mot29 mot30 ', 'b', 'B']);
  });

  it('keeps a short stretch between two changes whole', () => {
    const diff = wordDiff('a un deux trois b', 'A un deux trois B', { context: 2 });
    expect(diff.parts.map((part) => part.text)).toEqual(['a', 'A', ' un deux trois ', 'b', 'B']);
  });

  it('caps a huge rewrite and says it is truncated, with the full counts', () => {
    const before = numbered(1, 600);
    const after = Array.from({ length: 600 }, (_, i) => (i % 2 ? `mot${i + 1}` : `neuf${i + 1}`)).join(' ');
    const diff = wordDiff(before, after, { maxParts: 50 });
    expect(diff.truncated).toBe(true);
    expect(diff.parts.length).toBeLessThanOrEqual(50);
    expect(diff.parts.at(-1)).toEqual({ op: 'equal', text: ELLIPSIS });
    expect(diff.added).toBe(300);
    expect(diff.removed).toBe(300);
  });

  it('caps the characters too: one enormous insertion is cut at a word', () => {
    const diff = wordDiff('début', `début ${numbered(1, 20_000)}`, { maxChars: 1000 });
    expect(diff.truncated).toBe(true);
    const shown = diff.parts.reduce((total, part) => total + part.text.length, 0);
    expect(shown).toBeLessThanOrEqual(1000 + ELLIPSIS.length);
    expect(text(diff.parts, ['insert'])).toMatch(/mot\d+ $/);
    expect(diff.added).toBe(20_000);
  });

  it('falls back to "all removed, all added" between the common start and end when the diff takes too long', () => {
    const before = `Préambule commun. ${numbered(1, 3000)} Fin commune.`;
    const after = `Préambule commun. ${Array.from({ length: 3000 }, (_, i) => `autre${i}`).join(' ')} Fin commune.`;
    const diff = wordDiff(before, after, { timeoutMs: 0, maxChars: 1_000_000, maxParts: 1_000_000 });
    expect(diff.parts.map((part) => part.op)).toEqual(['equal', 'delete', 'insert', 'equal']);
    expect(diff.parts[0]?.text).toBe('Préambule commun. ');
    expect(text(diff.parts, ['equal', 'insert'])).toBe(after);
    expect(text(diff.parts, ['equal', 'delete'])).toBe(before);
  });

  it('rebuilds both texts from its parts when nothing is cut', () => {
    const before = 'Un texte\nsur deux lignes, avec « guillemets » et l’apostrophe.';
    const after = 'Un texte modifié\nsur trois lignes,\navec « guillemets » et l’apostrophe !';
    const diff = wordDiff(before, after, { context: 100 });
    expect(text(diff.parts, ['equal', 'delete'])).toBe(before);
    expect(text(diff.parts, ['equal', 'insert'])).toBe(after);
  });

  it('counts words as runs of non-spaces with a letter or a digit', () => {
    expect(countWords('  l’article 12,5 % « cité »  ')).toBe(3);
    expect(countWords('')).toBe(0);
  });

  it('gives parts that fit the Change model', () => {
    const diff = wordDiff('a b c', 'a x c');
    expect(ChangeSchema.safeParse({ kind: 'page', documents: [{ name: 'Page', parts: diff.parts, added: diff.added, removed: diff.removed }] }).success).toBe(true);
  });
});
