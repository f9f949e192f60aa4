import { describe, expect, it } from 'vitest';
import { checkPattern, foldPattern, ruleProblems } from '../../lib/rules/match';
import { inText, makeRule } from './helpers';

const regexProblems = (...terms: string[]) => ruleProblems(makeRule([inText('phrase', 'any', ['Pages']), inText('regex', 'any', terms)]));

describe('rule problems at save time', () => {
  it('a sound rule has none', () => {
    expect(regexProblems('r[ée]glement', '\\bIA\\b', 'meta.*algorithme', '(meta|facebook) ai', 'v\\d+\\.\\d+')).toEqual([]);
  });

  it('an invalid regex is refused with the engine’s message, its condition and its term', () => {
    const [problem, ...rest] = regexProblems('(');
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ code: 'invalid-regex', condition: 1, term: '(' });
    expect(problem?.detail).toMatch(/Unterminated group/);
    expect(regexProblems('[z-a]')[0]?.code).toBe('invalid-regex');
    expect(regexProblems('a{')[0]?.code).toBe('invalid-regex');
  });

  it.each([
    ['(a+)+', 'nested-quantifiers'],
    ['(.*)*', 'nested-quantifiers'],
    ['^(a+)+$', 'nested-quantifiers'],
    ['(\\w+\\s?)*$', 'nested-quantifiers'],
    ['(x+x+)+y', 'nested-quantifiers'],
    ['(a,a+)*,', 'nested-quantifiers'],
    ['(a|aa)*', 'ambiguous-alternation'],
    ['(a|a)*b', 'ambiguous-alternation'],
    ['(ab|a)*c', 'ambiguous-alternation'],
    ['(\\w|\\d)+$', 'ambiguous-alternation'],
    ['(x|)+y', 'ambiguous-alternation'],
    ['\\w+\\s*\\w+$', 'overlapping-quantifiers'],
    ['x\\w*\\w*$', 'overlapping-quantifiers'],
    ['a.*b.*c', 'too-many-wildcards'],
    ['meta.*ia.*election', 'too-many-wildcards'],
  ])('a catastrophic pattern is refused: %s (%s)', (pattern, detail) => {
    expect(regexProblems(pattern)).toEqual([{ code: 'unsafe-regex', condition: 1, term: pattern, detail }]);
  });

  it.each(['(\\d+,)+', '(,\\s*\\w+)+', '(\\s+\\w+)+x', '(reel|video)+', '(?:a|b)+c', '^a.*b.*c', '(a+){2,3}b', 'x(ab?)+'])('a safe repetition is accepted: %s', (pattern) => {
    expect(regexProblems(pattern)).toEqual([]);
  });

  it('a refused pattern stays refused whatever is around it (lookarounds, groups, alternatives)', () => {
    expect(regexProblems('(?=(a+)+b)')[0]?.code).toBe('unsafe-regex');
    expect(regexProblems('x|(y(a|aa)+)')[0]?.code).toBe('unsafe-regex');
  });

  it('a regex that matches the empty text is flagged', () => {
    expect(regexProblems('a*', '(x|)', '^', 'algorithme|')).toEqual([
      { code: 'matches-empty', condition: 1, term: 'a*' },
      { code: 'matches-empty', condition: 1, term: '(x|)' },
      { code: 'matches-empty', condition: 1, term: '^' },
      { code: 'matches-empty', condition: 1, term: 'algorithme|' },
    ]);
  });

  it('a word or phrase term with no letter or digit is empty', () => {
    const problems = ruleProblems(makeRule([inText('words', 'any', ['Pages', ' - ', '’'])]));
    expect(problems).toEqual([
      { code: 'empty-term', condition: 0, term: ' - ' },
      { code: 'empty-term', condition: 0, term: '’' },
    ]);
  });

  it('each problem of each condition is told', () => {
    const rule = makeRule([inText('regex', 'any', ['(', 'ok']), inText('phrase', 'none', ['!']), inText('regex', 'all', ['(a|aa)+'])]);
    expect(ruleProblems(rule).map((problem) => [problem.code, problem.condition])).toEqual([
      ['invalid-regex', 0],
      ['empty-term', 1],
      ['unsafe-regex', 2],
    ]);
  });
});

describe('patterns as rules run them', () => {
  it('folds literal letters, in classes too, and keeps escapes and ranges', () => {
    expect(foldPattern('Règlement')).toBe('reglement');
    expect(foldPattern('r[ÉéE]glement')).toBe('r[eee]glement');
    expect(foldPattern('\\W\\P{Lu}\\u00e9')).toBe('\\W\\P{Lu}\\u00e9');
    expect(foldPattern('[à-ü]+')).toBe('[à-ü]+');
    expect(foldPattern('(?<Nom>É)\\k<Nom>')).toBe('(?<Nom>e)\\k<Nom>');
    expect(foldPattern('fil d’actu')).toBe("fil d'actu");
  });

  it('drops what cannot change whether a pattern occurs: a leading or trailing optional repetition', () => {
    expect(checkPattern('.*algorithme.*').regex?.source).toBe('algorithme');
    expect(checkPattern('^.*algorithme').regex?.source).toBe('^.*algorithme');
    expect(checkPattern('a|.*b').regex?.source).toBe('a|.*b');
  });

  it('an accepted quadratic pattern stays fast on the longest text a rule reads', () => {
    const { regex } = checkPattern('e.*ax');
    const text = 'la portee organique des pages baisse encore et les collectivites revoient leur calendrier editorial '.repeat(300);
    const start = performance.now();
    expect(regex?.test(text.slice(0, 5_000))).toBe(false);
    expect(performance.now() - start).toBeLessThan(200);
  });
});
