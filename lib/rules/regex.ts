import { foldLetters } from './fold-text';
import { regexRisk, type RegexRisk } from './regex-safety';
import { escapeLiteral, parseRegex, type Disjunction, type RegexNode } from './regex-syntax';

/**
 * The `regex` mode. A pattern is tested, with the `u` flag (and `i`, see below), against the folded text
 * (lower case, no accents, one kind of apostrophe), the same text the other modes read.
 *
 * The pattern's own literal letters are folded the same way before it runs, inside classes too: a member who
 * writes `réglement`, `r[ée]glement` or `RÈGLEMENT` means the word with or without its accent, and a folded
 * text no longer has one to match. Escapes are left as written (`\W` must not become `\w`, nor `\P{Lu}`
 * `\p{lu}`), and so are class ranges (`[à-ü]` folded end to end would be another range, or an invalid one).
 * So the only patterns that cannot match are the ones that ask for an accent by escape (`\u00e9`).
 *
 * Case is ignored: the text is in lower case, and so are the pattern's letters once folded. The `i` flag is
 * added only when something in the pattern still has a case to ignore (an upper-case range `[A-Z]`, `\p{…}`,
 * an escaped character): it makes `\b` about twenty times slower.
 */
export const REGEX_FLAGS = 'iu';

/**
 * A regular expression reads at most this many characters of each text (the words and phrase modes read the
 * whole capped field). Shapes that could take exponential time are refused (regex-safety.ts); what remains
 * can still be quadratic, such as `e.*a` where neither letter is rare: about 3 ms on 5,000 characters, but
 * 50 ms on 20,000, for every item.
 */
export const REGEX_TEXT_LIMIT = 5_000;

export type PatternProblem =
  /** `detail`: the engine's own message. */
  | { code: 'invalid-regex'; detail: string }
  /** `detail`: which dangerous shape (see regex-safety.ts), or `unreadable` when Vigie could not analyse it. */
  | { code: 'unsafe-regex'; detail: RegexRisk | 'unreadable' }
  | { code: 'matches-empty' };

export interface CheckedPattern {
  /** Absent when the pattern cannot run: invalid, or unsafe. */
  regex?: RegExp;
  problems: PatternProblem[];
}

/** Rules are compiled at every refresh: each pattern is checked once. Bounded, so memory is too. */
const checked = new Map<string, CheckedPattern>();
const CHECKED_CACHE_LIMIT = 500;

/** Checks a pattern and compiles it as rules run it. Never throws. */
export function checkPattern(pattern: string): CheckedPattern {
  let result = checked.get(pattern);
  if (!result) {
    result = check(pattern);
    if (checked.size >= CHECKED_CACHE_LIMIT) checked.clear();
    checked.set(pattern, result);
  }
  return result;
}

function check(pattern: string): CheckedPattern {
  const invalid = engineError(pattern);
  if (invalid !== undefined) return { problems: [{ code: 'invalid-regex', detail: invalid }] };
  let runnable: string;
  let risk: RegexRisk | undefined;
  try {
    const folded = foldPattern(pattern);
    const foldedInvalid = engineError(folded);
    if (foldedInvalid !== undefined) return { problems: [{ code: 'invalid-regex', detail: foldedInvalid }] };
    runnable = withoutOptionalEnds(folded, parseRegex(folded));
    risk = regexRisk(parseRegex(runnable));
  } catch {
    return { problems: [{ code: 'unsafe-regex', detail: 'unreadable' }] };
  }
  if (risk) return { problems: [{ code: 'unsafe-regex', detail: risk }] };
  const regex = new RegExp(runnable, needsIgnoreCase(runnable) ? REGEX_FLAGS : 'u');
  return { regex, problems: regex.test('') ? [{ code: 'matches-empty' }] : [] };
}

function engineError(pattern: string): string | undefined {
  try {
    new RegExp(pattern, REGEX_FLAGS);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Whether, once folded, the pattern still holds upper-case letters (outside escapes) or escapes that may stand for one. */
function needsIgnoreCase(folded: string): boolean {
  return /\\[pPuxck]/.test(folded) || /[\p{Lu}\p{Lt}]/u.test(folded.replace(/\\[\s\S]/g, ''));
}

/** The pattern with its literal letters folded like the texts it reads (see above). */
export function foldPattern(pattern: string): string {
  const edits: { start: number; end: number; text: string }[] = [];
  for (const node of charNodes(parseRegex(pattern))) {
    const source = pattern.slice(node.start, node.end);
    // Only literal characters and classes: escapes and the dot keep their meaning.
    if (node.type !== 'char' || source.startsWith('\\') || (!node.isClass && node.literal === undefined)) continue;
    const text = node.isClass ? foldClass(source) : foldLiteral(source);
    if (text !== source) edits.push({ start: node.start, end: node.end, text });
  }
  let folded = pattern;
  for (const edit of edits.sort((a, b) => b.start - a.start)) folded = folded.slice(0, edit.start) + edit.text + folded.slice(edit.end);
  return folded;
}

function* charNodes(node: RegexNode): Generator<RegexNode> {
  if (node.type === 'char') yield node;
  else if (node.type === 'disjunction') for (const alternative of node.alternatives) yield* charNodes(alternative);
  else if (node.type === 'sequence') for (const item of node.items) yield* charNodes(item);
  else if (node.type === 'group') yield* charNodes(node.body);
  else if (node.type === 'quantified') yield* charNodes(node.atom);
}

/** One literal character, folded; "É" is "e". A character that folds to several stays one atom. */
function foldLiteral(char: string): string {
  const folded = [...foldLetters(char)];
  if (folded.length === 0 || folded.join('') === char) return char;
  if (folded.length === 1) return escapeLiteral(folded[0] as string);
  return `(?:${folded.map(escapeLiteral).join('')})`;
}

/** `[ÉéE]` → `[eee]`; escapes and ranges are kept as written. */
function foldClass(source: string): string {
  const open = source.startsWith('[^') ? 2 : 1;
  const tokens = classTokens(source.slice(open, -1));
  let out = source.slice(0, open);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    const next = tokens[i + 1];
    if (next === '-' && i + 2 < tokens.length) {
      out += token + next + (tokens[i + 2] as string);
      i += 2;
    } else if (token.startsWith('\\')) out += token;
    else {
      const folded = [...foldLetters(token)];
      out += folded.length === 1 ? (folded[0] as string) : token;
    }
  }
  return `${out}]`;
}

function classTokens(body: string): string[] {
  const tokens: string[] = [];
  for (let i = 0; i < body.length; ) {
    let length: number;
    if (body[i] === '\\') {
      const escape = /^\\(?:[pPu]\{[^}]*\}|u[\dA-Fa-f]{4}|x[\dA-Fa-f]{2}|c[A-Za-z]|[\s\S])/.exec(body.slice(i));
      length = escape ? escape[0].length : 1;
    } else length = String.fromCodePoint(body.codePointAt(i) ?? 0).length;
    tokens.push(body.slice(i, i + length));
    i += length;
  }
  return tokens;
}

/**
 * Rules only ask whether a pattern occurs. An optional repetition of single characters at the start or the
 * end of a one-alternative pattern changes nothing to that (`.*algorithme` occurs where `algorithme` does),
 * but a leading `.*` costs a scan of the rest of the text from every position: it is dropped before running.
 */
function withoutOptionalEnds(pattern: string, tree: Disjunction): string {
  const items = tree.alternatives.length === 1 ? (tree.alternatives[0]?.items ?? []) : [];
  const optional = (node: RegexNode | undefined) => node?.type === 'quantified' && node.min === 0 && node.atom.type === 'char';
  let from = 0;
  let to = items.length;
  while (from < to && optional(items[from])) from += 1;
  while (to > from && optional(items[to - 1])) to -= 1;
  if (from === 0 && to === items.length) return pattern;
  if (from === to) return '(?:)';
  return pattern.slice((items[from] as RegexNode).start, (items[to - 1] as RegexNode).end);
}
