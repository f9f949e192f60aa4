import { describe, expect, it } from 'vitest';
import type { Condition, Rule, RuleField } from '../../lib/model/rule';
import { checkPattern, compileRules, foldForRules, matchingRules, REGEX_TEXT_LIMIT, wordKeysOf, type RuleSubject } from '../../lib/rules/match';
import { makeRule } from './helpers';

/**
 * The engine reads items through an index built for speed (term-index.ts). Here it is held to a plain
 * reading of the rules, term by term, on many random rules and items: both must always agree.
 */
function plainMatch(rule: Rule, subject: RuleSubject): boolean {
  const keysOf = (field: RuleField) => subject[field].map((value) => wordKeysOf(value));
  return rule.conditions.every((condition) => {
    const found = condition.terms.map((term) => {
      if (condition.mode === 'regex') {
        const { regex } = checkPattern(term);
        return condition.fields.some((field) => (subject[field].length > 0 ? subject[field] : ['']).some((value) => regex?.test(foldForRules(value).slice(0, REGEX_TEXT_LIMIT)) ?? false));
      }
      const keys = wordKeysOf(term);
      if (keys.length === 0) return false;
      if (condition.mode === 'words') return keys.every((key) => condition.fields.some((field) => keysOf(field).some((values) => values.includes(key))));
      return condition.fields.some((field) => keysOf(field).some((values) => values.some((_, start) => keys.every((key, offset) => values[start + offset] === key))));
    });
    if (condition.combine === 'all') return found.every(Boolean);
    if (condition.combine === 'any') return found.some(Boolean);
    return !found.some(Boolean);
  });
}

function randomStream(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

const VOCABULARY = ['Réseaux', 'réseau', 'sociaux', 'social', 'l’algorithme', "d'algorithmes", 'IA', 'médias', 'Reels', 'reel', 'Page', 'pages', 'Facebook', 'fil', "d'actualité", 'News', 'Feed', 'portée', 'organique', 'Meta’s', 'AI', 'de', 'la', 'les', '—', ',', 'travaux', 'travail', 'élections', 'électorale'];
const FIELDS: RuleField[] = ['title', 'content', 'url', 'author', 'source', 'category', 'tags'];

describe('the indexed engine agrees with a plain reading of the rules', () => {
  it('on 300 random rules and 300 random items', () => {
    const random = randomStream(2026);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    const phrase = (words: number) => Array.from({ length: words }, () => pick(VOCABULARY)).join(' ');
    const rules: Rule[] = Array.from({ length: 300 }, (_, n) => {
      const conditions: Condition[] = Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
        const mode = pick(['words', 'phrase', 'phrase', 'regex'] as const);
        const terms = Array.from({ length: 1 + Math.floor(random() * 4) }, () => (mode === 'regex' ? pick(['reseaux? sociaux', '\\bia\\b', 'algorithme', '^la', 'page$', 'r[ée]el']) : phrase(1 + Math.floor(random() * 3))));
        return { fields: [...new Set([pick(FIELDS), pick(FIELDS)])], mode, combine: pick(['all', 'any', 'none'] as const), terms };
      });
      return makeRule(conditions, { id: `r${n}` });
    });
    // A words term of more than 31 words, checked past the index's bits.
    rules.push(makeRule([{ fields: ['content'], mode: 'words', combine: 'any', terms: [Array.from({ length: 40 }, (_, n) => `mot${n}`).join(' ')] }], { id: 'long' }));
    const compiled = compileRules(rules);
    let matches = 0;
    for (let n = 0; n < 300; n++) {
      const values: Record<string, string[]> = Object.fromEntries(FIELDS.map((field) => [field, Array.from({ length: Math.floor(random() * 3) }, () => phrase(Math.floor(random() * 12)))]));
      if (n === 0) values.content = [Array.from({ length: 40 }, (_, k) => `mot${39 - k}`).join(' ')];
      const subject = values as unknown as RuleSubject;
      const expected = rules.filter((rule) => plainMatch(rule, subject)).map((rule) => rule.id);
      expect(matchingRules(compiled, subject).map((rule) => rule.id), JSON.stringify(subject)).toEqual(expected);
      matches += expected.length;
    }
    // Enough of both outcomes for the comparison to mean something.
    expect(matches).toBeGreaterThan(2000);
    expect(matches).toBeLessThan(300 * 300 - 2000);
  }, 60_000); // 90,000 rule readings: about a second alone, several when CI shares its two cores; a correctness test, not a timing one
});
