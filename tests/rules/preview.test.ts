import { describe, expect, it } from 'vitest';
import { previewRule, startRulePreview } from '../../lib/rules/match';
import { inText, makeRule, makeSubject } from './helpers';

const items = (titles: string[]) => titles.map((title, index) => ({ id: `i${index}`, subject: makeSubject({ title }) }));

describe('preview on existing items', () => {
  it('counts the matches and lists their ids', () => {
    const preview = previewRule(makeRule([inText('phrase', 'any', ['Reels'])]), items(['Les Reels', 'La portée', 'Reels et Live', 'Les Pages']));
    expect(preview).toEqual({ examined: 4, matched: 2, itemIds: ['i0', 'i2'], matchesEverything: false, problems: [] });
  });

  it('keeps the first ids only, and goes on counting', () => {
    const preview = previewRule(makeRule([inText('phrase', 'any', ['Reels'])]), items(Array.from({ length: 10 }, (_, n) => `Reels ${n}`)), 3);
    expect(preview.matched).toBe(10);
    expect(preview.itemIds).toEqual(['i0', 'i1', 'i2']);
  });

  it('warns when the rule matches nine items in ten, of twenty or more', () => {
    const many = items([...Array.from({ length: 18 }, () => 'Les Pages Facebook'), 'La portée', 'Le live']);
    const preview = previewRule(makeRule([inText('words', 'any', ['Pages'])]), many);
    expect(preview).toMatchObject({ examined: 20, matched: 18, matchesEverything: true, matchesEverythingBecause: 'most-items' });
    // Too few items to tell.
    expect(previewRule(makeRule([inText('words', 'any', ['Pages'])]), many.slice(0, 10)).matchesEverything).toBe(false);
  });

  it('warns when the rule matches an item with nothing in it, however few items there are', () => {
    const empty = previewRule(makeRule([inText('regex', 'any', ['x*'])]), items(['Un']));
    expect(empty).toMatchObject({ matched: 1, matchesEverything: true, matchesEverythingBecause: 'empty-item' });
    expect(empty.problems.map((problem) => problem.code)).toEqual(['matches-empty']);
    const onlyNone = previewRule(makeRule([inText('phrase', 'none', ['sport'])]), items(['Un', 'Sport']));
    expect(onlyNone).toMatchObject({ matched: 1, matchesEverything: true, matchesEverythingBecause: 'empty-item' });
  });

  it('runs a disabled rule (it is being edited) but not an unsafe one', () => {
    expect(previewRule(makeRule([inText('phrase', 'any', ['Reels'])], { enabled: false }), items(['Reels'])).matched).toBe(1);
    const unsafe = previewRule(makeRule([inText('regex', 'any', ['(a+)+$'])]), items(['aaaa']));
    expect(unsafe).toMatchObject({ matched: 0, matchesEverything: false });
    expect(unsafe.problems.map((problem) => problem.code)).toEqual(['unsafe-regex']);
  });

  it('can be fed one item at a time', () => {
    const run = startRulePreview(makeRule([inText('phrase', 'any', ['Reels'])]));
    expect(run.add('a', makeSubject({ title: 'Reels' }))).toBe(true);
    expect(run.add('b', makeSubject({ title: 'Live' }))).toBe(false);
    expect(run.result()).toMatchObject({ examined: 2, matched: 1, itemIds: ['a'] });
  });
});
