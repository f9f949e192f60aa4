import type { CharNode, Disjunction, Quantified, RegexNode } from './regex-syntax';

/**
 * Would this pattern freeze the background? JavaScript's engine backtracks: some patterns take exponential
 * time on a text that almost matches, and no timeout can stop a running test. Such patterns are refused when
 * the rule is saved, by looking at their shape.
 *
 * Why not a library: the registry's candidates were measured for the background's ~60 kB of headroom.
 * `safe-regex2` (15 kB) only counts nested repetitions, so it lets `(a|aa)*` through; `redos-detector`
 * (70 kB) does not fit and answers by timing out on ordinary patterns; `scslre` is precise but brings more
 * than 1 MB. The check below is static and conservative: it may refuse a pattern that would in fact have
 * been fine (the member is told why, and can rewrite it or use several terms), never the other way round for
 * the shapes it knows:
 *
 * - `nested-quantifiers`: a repetition inside a repetition, `(a+)+`, `(.*)*`, `(\w+\s?)*`. Allowed only in
 *   the one shape where each iteration is cut by a character the inner repetition cannot take, such as
 *   `(\d+,)*` or `(\s+\w+)*`: then there is one way, not many, to split a text into iterations.
 * - `ambiguous-alternation`: a repeated choice whose alternatives can start alike, `(a|aa)*`, `(ab|a)*c`, or
 *   that can match nothing. Alternatives that are plain words none of which starts another
 *   (`(reel|video)+`) are fine.
 * - `overlapping-quantifiers`: two open-ended repetitions in a row that can take the same characters,
 *   `\w*\w*`, `a+a*`, `\s*\w*\s*`: polynomial, and the power grows with each one.
 * - `too-many-wildcards`: open-ended repetitions that run over whole sentences (`.*`, `[^x]*`: they take
 *   letters and spaces), counting the implicit search from every position of an unanchored pattern, three
 *   or more in a row: `a.*b.*c` is cubic, several seconds on one long article. One is fine (`meta.*algorithme`:
 *   a leading `.*` is dropped before running, see regex.ts), and for "all of these words" the `words` mode, or
 *   several terms with "all", does it in linear time.
 *
 * Even an accepted pattern only ever reads capped texts (see `REGEX_TEXT_LIMIT`), so a quadratic one stays
 * within milliseconds per item.
 */
export type RegexRisk = 'nested-quantifiers' | 'ambiguous-alternation' | 'overlapping-quantifiers' | 'too-many-wildcards';

/** A repetition bounded this low (`{1,5}`) multiplies work by a constant, not by the text's length. */
const REPEAT_LIMIT = 10;
const WILDCARD_LIMIT = 3;
const ANY = '[\\s\\S]';

export function regexRisk(tree: Disjunction): RegexRisk | undefined {
  const nodes = [...descendants(tree)];
  for (const node of nodes) {
    if (node.type !== 'quantified' || !repeats(node) || facts(node.atom).maxLength === 0) continue;
    const inside = [...descendants(node.atom)];
    if (inside.some(isVariableRepetition) && !isDelimitedIteration(node.atom)) return 'nested-quantifiers';
    if (inside.some((inner) => inner.type === 'disjunction' && isAmbiguous(inner))) return 'ambiguous-alternation';
  }
  for (const node of nodes) if (node.type === 'sequence' && hasOverlappingNeighbours(node.items)) return 'overlapping-quantifiers';
  const implicitSearch = tree.alternatives.every((alternative) => isStartAnchor(alternative.items[0])) ? 0 : 1;
  if (wildcards(tree) + implicitSearch >= WILDCARD_LIMIT) return 'too-many-wildcards';
  return undefined;
}

function* descendants(node: RegexNode): Generator<RegexNode> {
  yield node;
  if (node.type === 'disjunction') for (const alternative of node.alternatives) yield* descendants(alternative);
  else if (node.type === 'sequence') for (const item of node.items) yield* descendants(item);
  else if (node.type === 'group') yield* descendants(node.body);
  else if (node.type === 'quantified') yield* descendants(node.atom);
}

const repeats = (node: Quantified) => node.max > REPEAT_LIMIT;

const isVariableRepetition = (node: RegexNode) => node.type === 'quantified' && node.max > node.min && facts(node.atom).maxLength > 0;

const isStartAnchor = (node: RegexNode | undefined) => node?.type === 'assertion' && node.symbol === '^';

/** What a node can match, as far as the checks need it. */
interface Facts {
  nullable: boolean;
  maxLength: number;
  /** Every set of characters it can consume. */
  sets: string[];
  /** The sets its matches can start with. */
  first: string[];
}

const known = new WeakMap<RegexNode, Facts>();

function facts(node: RegexNode): Facts {
  let found = known.get(node);
  if (!found) {
    found = computeFacts(node);
    known.set(node, found);
  }
  return found;
}

function computeFacts(node: RegexNode): Facts {
  switch (node.type) {
    case 'char':
      return { nullable: false, maxLength: 1, sets: [node.set], first: [node.set] };
    case 'assertion':
      return { nullable: true, maxLength: 0, sets: [], first: [] };
    case 'backreference':
      // Whatever its group took: unknown, so anything.
      return { nullable: true, maxLength: Infinity, sets: [ANY], first: [ANY] };
    case 'group':
      // A lookaround takes no characters; its own body is checked like the rest of the pattern.
      return node.kind === 'lookahead' || node.kind === 'lookbehind' ? { nullable: true, maxLength: 0, sets: [], first: [] } : facts(node.body);
    case 'quantified': {
      const atom = facts(node.atom);
      return { nullable: node.min === 0 || atom.nullable, maxLength: atom.maxLength === 0 || node.max === 0 ? 0 : node.max * atom.maxLength, sets: atom.sets, first: atom.first };
    }
    case 'disjunction': {
      const all = node.alternatives.map(facts);
      return {
        nullable: all.some((each) => each.nullable),
        maxLength: Math.max(0, ...all.map((each) => each.maxLength)),
        sets: all.flatMap((each) => each.sets),
        first: all.flatMap((each) => each.first),
      };
    }
    case 'sequence': {
      const all = node.items.map(facts);
      const first: string[] = [];
      for (const each of all) {
        first.push(...each.first);
        if (!each.nullable) break;
      }
      return {
        nullable: all.every((each) => each.nullable),
        maxLength: all.reduce((total, each) => total + each.maxLength, 0),
        sets: all.flatMap((each) => each.sets),
        first,
      };
    }
  }
}

/**
 * `(\d+,)*`, `(,\s*\w+)*`, `(\s+\w+)*`: the iteration is a row of single characters, and each repeated one
 * is followed (the last by the next iteration's first) by a required character it cannot take. So each
 * repetition takes its whole run, and a text splits into iterations one way only.
 */
function isDelimitedIteration(atom: RegexNode): boolean {
  if (atom.type !== 'group' || atom.kind === 'lookahead' || atom.kind === 'lookbehind' || atom.body.alternatives.length !== 1) return false;
  const items = atom.body.alternatives[0]?.items ?? [];
  const single = (item: RegexNode): CharNode | undefined => (item.type === 'char' ? item : item.type === 'quantified' && item.atom.type === 'char' ? item.atom : undefined);
  if (items.length < 2 || !items.every(single)) return false;
  return items.every((item, index) => {
    if (item.type !== 'quantified' || item.max === item.min) return true;
    const next = items[(index + 1) % items.length] as RegexNode;
    const required = next.type === 'char' || (next.type === 'quantified' && next.min >= 1);
    return required && !overlaps([(single(item) as CharNode).set], [(single(next) as CharNode).set]);
  });
}

function isAmbiguous(node: Disjunction): boolean {
  if (node.alternatives.length < 2) return false;
  const all = node.alternatives.map(facts);
  if (all.some((each) => each.nullable)) return true;
  const words = node.alternatives.map((alternative) => (alternative.items.every((item) => item.type === 'char' && item.literal !== undefined) ? alternative.items.map((item) => (item as CharNode).literal).join('').toLowerCase() : undefined));
  if (words.every((word) => word !== undefined)) {
    // Plain words none of which starts another: at each point, at most one of them can be read.
    return words.some((word, i) => words.some((other, j) => i !== j && (other as string).startsWith(word as string)));
  }
  return all.some((each, i) => all.some((other, j) => i < j && overlaps(each.first, other.first)));
}

function hasOverlappingNeighbours(items: readonly RegexNode[]): boolean {
  for (let i = 0; i < items.length; i++) {
    const left = items[i] as RegexNode;
    if (facts(left).maxLength !== Infinity) continue;
    for (let j = i + 1; j < items.length; j++) {
      const right = facts(items[j] as RegexNode);
      if (right.maxLength === Infinity && overlaps(facts(left).sets, right.sets)) return true;
      if (!right.nullable) break;
    }
  }
  return false;
}

/** The most open-ended repetitions over whole sentences that one match can go through in a row. */
function wildcards(node: RegexNode): number {
  switch (node.type) {
    case 'quantified': {
      const atom = facts(node.atom);
      const spansSentences = node.max === Infinity && atom.maxLength > 0 && contains(atom.sets, 'e') && contains(atom.sets, ' ');
      return (spansSentences ? 1 : 0) + wildcards(node.atom);
    }
    case 'group':
      return wildcards(node.body);
    case 'disjunction':
      return Math.max(0, ...node.alternatives.map(wildcards));
    case 'sequence':
      return node.items.reduce((total, item) => total + wildcards(item), 0);
    default:
      return 0;
  }
}

/*
 * Sets of characters are compared on the characters themselves: every code point of the basic plane (and a
 * few beyond), tested once per set against the set's own pattern with the flags rules use. Exact for what
 * texts hold, and no second implementation of \w, \p{…} or case folding to get wrong.
 */
let sample: string[] | undefined;

/** Built on first need (a pattern saved or compiled), not when the background starts. */
function characters(): readonly string[] {
  if (!sample) {
    sample = [];
    for (let code = 0; code <= 0xffff; code++) if (code < 0xd800 || code > 0xdfff) sample.push(String.fromCharCode(code));
    for (const code of [0x10000, 0x1d400, 0x1f600, 0x20000]) sample.push(String.fromCodePoint(code));
  }
  return sample;
}

const memberships = new Map<string, Uint8Array>();
const MEMBERSHIP_CACHE_LIMIT = 200;

function membership(set: string): Uint8Array {
  let members = memberships.get(set);
  if (!members) {
    const test = new RegExp(`^(?:${set})$`, 'iu');
    members = new Uint8Array(characters().length);
    characters().forEach((char, index) => {
      if (test.test(char)) (members as Uint8Array)[index] = 1;
    });
    if (memberships.size >= MEMBERSHIP_CACHE_LIMIT) memberships.clear();
    memberships.set(set, members);
  }
  return members;
}

function overlaps(left: readonly string[], right: readonly string[]): boolean {
  for (const a of left) {
    for (const b of right) {
      if (a === b) return true;
      const [x, y] = [membership(a), membership(b)];
      for (let index = 0; index < x.length; index++) if (x[index] && y[index]) return true;
    }
  }
  return false;
}

function contains(sets: readonly string[], char: string): boolean {
  return sets.some((set) => new RegExp(`^(?:${set})$`, 'iu').test(char));
}
