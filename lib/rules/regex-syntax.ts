/**
 * A small reader of JavaScript regular expressions (with the `u` flag), enough to tell their shape: where the
 * repetitions, alternatives and sets of characters are. Vigie needs the shape for two things: folding the
 * pattern's own letters like the text's (regex.ts), and refusing patterns that could take exponential time
 * (regex-safety.ts). It is only given patterns the engine has already accepted, so it does not report syntax
 * errors; something it cannot read throws, and the caller treats that pattern as unsafe.
 */

export interface Span {
  /** Where the node starts and ends in the pattern (UTF-16 offsets, end excluded). */
  start: number;
  end: number;
}

export type RegexNode = Disjunction | Sequence | Group | Quantified | CharNode | Assertion | Backreference;

export interface Disjunction extends Span {
  type: 'disjunction';
  alternatives: Sequence[];
}

export interface Sequence extends Span {
  type: 'sequence';
  items: RegexNode[];
}

export interface Group extends Span {
  type: 'group';
  kind: 'capture' | 'plain' | 'lookahead' | 'lookbehind';
  body: Disjunction;
}

export interface Quantified extends Span {
  type: 'quantified';
  min: number;
  /** `Infinity` for *, + and {n,}. */
  max: number;
  atom: RegexNode;
}

/** One character out of a set: a literal, an escape (\d, \p{L}…), a class ([a-z]) or the dot. */
export interface CharNode extends Span {
  type: 'char';
  /** The set as a pattern of its own (its source text, or the escaped literal). */
  set: string;
  /** For a plain or escaped literal character: that character. */
  literal?: string;
  /** A class, whose source may hold several literal characters and ranges. */
  isClass?: boolean;
}

export interface Assertion extends Span {
  type: 'assertion';
  /** ^, $, \\b or \\B. */
  symbol: string;
}

export interface Backreference extends Span {
  type: 'backreference';
}

export class RegexSyntaxError extends Error {
  override name = 'RegexSyntaxError';
}

const SYNTAX_CHARACTERS = '^$\\.*+?()[]{}|/';

export function parseRegex(pattern: string): Disjunction {
  const reader = new Reader(pattern);
  const tree = reader.disjunction();
  if (reader.position < pattern.length) throw new RegexSyntaxError(`unexpected ${pattern[reader.position]} at ${reader.position}`);
  return tree;
}

class Reader {
  position = 0;

  constructor(private readonly pattern: string) {}

  disjunction(): Disjunction {
    const start = this.position;
    const alternatives = [this.sequence()];
    while (this.peek() === '|') {
      this.position += 1;
      alternatives.push(this.sequence());
    }
    return { type: 'disjunction', alternatives, start, end: this.position };
  }

  private sequence(): Sequence {
    const start = this.position;
    const items: RegexNode[] = [];
    while (this.position < this.pattern.length && this.peek() !== '|' && this.peek() !== ')') {
      const atomStart = this.position;
      const atom = this.atom();
      items.push(this.quantifier(atom, atomStart) ?? atom);
    }
    return { type: 'sequence', items, start, end: this.position };
  }

  private atom(): RegexNode {
    const start = this.position;
    const char = this.peek();
    if (char === '^' || char === '$') {
      this.position += 1;
      return { type: 'assertion', symbol: char, start, end: this.position };
    }
    if (char === '(') return this.group();
    if (char === '[') return this.characterClass();
    if (char === '.') {
      this.position += 1;
      return { type: 'char', set: '.', start, end: this.position };
    }
    if (char === '\\') return this.escape();
    const literal = String.fromCodePoint(this.pattern.codePointAt(this.position) ?? 0);
    this.position += literal.length;
    return { type: 'char', set: escapeLiteral(literal), literal, start, end: this.position };
  }

  private group(): Group {
    const start = this.position;
    const rest = this.pattern.slice(start, start + 4);
    let kind: Group['kind'] = 'capture';
    if (rest.startsWith('(?:')) [kind, this.position] = ['plain', start + 3];
    else if (rest.startsWith('(?=') || rest.startsWith('(?!')) [kind, this.position] = ['lookahead', start + 3];
    else if (rest.startsWith('(?<=') || rest.startsWith('(?<!')) [kind, this.position] = ['lookbehind', start + 4];
    else if (rest.startsWith('(?<')) this.position = this.pattern.indexOf('>', start) + 1;
    else if (rest.startsWith('(?')) throw new RegexSyntaxError(`unknown group at ${start}`);
    else this.position = start + 1;
    const body = this.disjunction();
    if (this.peek() !== ')') throw new RegexSyntaxError(`unclosed group at ${start}`);
    this.position += 1;
    return { type: 'group', kind, body, start, end: this.position };
  }

  private characterClass(): CharNode {
    const start = this.position;
    this.position += 1;
    while (this.position < this.pattern.length && this.peek() !== ']') this.position += this.peek() === '\\' ? 2 : 1;
    if (this.peek() !== ']') throw new RegexSyntaxError(`unclosed class at ${start}`);
    this.position += 1;
    return { type: 'char', set: this.pattern.slice(start, this.position), isClass: true, start, end: this.position };
  }

  private escape(): RegexNode {
    const start = this.position;
    const char = this.pattern[start + 1] ?? '';
    this.position = start + 2;
    if (char === 'b' || char === 'B') return { type: 'assertion', symbol: `\\${char}`, start, end: this.position };
    if (/[1-9]/.test(char)) {
      while (/\d/.test(this.peek())) this.position += 1;
      return { type: 'backreference', start, end: this.position };
    }
    if (char === 'k') {
      this.position = this.pattern.indexOf('>', start) + 1;
      return { type: 'backreference', start, end: this.position };
    }
    if ((char === 'p' || char === 'P' || char === 'u') && this.peek() === '{') this.position = this.pattern.indexOf('}', start) + 1;
    else if (char === 'u') {
      this.position = start + 6;
      // A surrogate pair written as two escapes is one character under the u flag.
      if (/^\\u[dD][c-fC-F]/.test(this.pattern.slice(this.position, this.position + 4))) this.position += 6;
    } else if (char === 'x') this.position = start + 4;
    else if (char === 'c') this.position = start + 3;
    if (this.position <= start) throw new RegexSyntaxError(`unreadable escape at ${start}`);
    const set = this.pattern.slice(start, this.position);
    return SYNTAX_CHARACTERS.includes(char) ? { type: 'char', set, literal: char, start, end: this.position } : { type: 'char', set, start, end: this.position };
  }

  private quantifier(atom: RegexNode, start: number): Quantified | undefined {
    const char = this.peek();
    let min: number;
    let max: number;
    if (char === '*') [min, max] = [0, Infinity];
    else if (char === '+') [min, max] = [1, Infinity];
    else if (char === '?') [min, max] = [0, 1];
    else if (char === '{') {
      const bounds = /^\{(\d+)(,(\d*))?\}/.exec(this.pattern.slice(this.position));
      if (!bounds) return undefined;
      min = Number(bounds[1]);
      max = bounds[2] === undefined ? min : bounds[3] ? Number(bounds[3]) : Infinity;
      this.position += bounds[0].length - 1;
    } else return undefined;
    this.position += 1;
    // Lazy or greedy, the same paths are tried in the worst case.
    if (this.peek() === '?') this.position += 1;
    return { type: 'quantified', min, max, atom, start, end: this.position };
  }

  private peek(): string {
    return this.pattern[this.position] ?? '';
  }
}

/** A literal character as a pattern of its own. */
export function escapeLiteral(char: string): string {
  return SYNTAX_CHARACTERS.includes(char) ? `\\${char}` : char;
}
