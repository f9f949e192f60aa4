import { parse, type AttributeSelector, type PseudoSelector, type Selector } from 'css-what';
import type { AnyNode, Element } from 'domhandler';
import { elementSiblings, elementsOf, parentElement } from './dom';

/**
 * CSS selectors on htmlparser2's tree, for a monitor's `select` and `remove` (and those of Open Terms Archive
 * declarations). Selectors are parsed by css-what, the parser behind css-select; the matching is done here
 * because css-select brings all of domutils and dom-serializer into the background (about 33 kB minified,
 * past its 300 kB budget) and imports `entities` encoders that the background's `entities` shim does not
 * have. What is matched: type, `*`, `#id`, `.class`, every attribute operator (with `i` / `s` flags), the four
 * combinators (` `, `>`, `+`, `~`), selector lists, and the pseudo-classes pages and declarations use:
 * `:not()`, `:is()`, `:where()`, `:has()` (descendants only), `:first-child`, `:last-child`, `:only-child`,
 * `:first-of-type`, `:last-of-type`, `:only-of-type`, `:nth-child()`, `:nth-last-child()`, `:nth-of-type()`,
 * `:nth-last-of-type()`, `:empty`, `:root`. Anything else is refused with a SelectorError, never ignored:
 * a selector read wrongly would watch the wrong part of a page without anyone knowing.
 */
export class SelectorError extends Error {
  constructor(
    readonly selector: string,
    readonly why: string,
  ) {
    super(`${selector}: ${why}`);
    this.name = 'SelectorError';
  }
}

type Test = (element: Element) => boolean;

export function compileSelector(selector: string): Test {
  let groups: Selector[][];
  try {
    groups = parse(selector);
  } catch (error) {
    throw new SelectorError(selector, error instanceof Error ? error.message : String(error));
  }
  if (groups.length === 0) throw new SelectorError(selector, 'empty selector');
  return anyOf(groups.map((tokens) => compileComplex(tokens, selector)));
}

/** Why the selector cannot be used, for a monitor's settings form; undefined when it can. */
export function selectorProblem(selector: string): string | undefined {
  try {
    compileSelector(selector);
    return undefined;
  } catch (error) {
    return error instanceof SelectorError ? error.why : String(error);
  }
}

/** The elements under `root` that match, in document order. */
export function selectAll(selector: string | Test, root: AnyNode): Element[] {
  const test = typeof selector === 'string' ? compileSelector(selector) : selector;
  return [...elementsOf(root)].filter(test);
}

function anyOf(tests: Test[]): Test {
  if (tests.length === 1) return tests[0] as Test;
  return (element) => tests.some((test) => test(element));
}

function allOf(tests: Test[]): Test {
  return (element) => tests.every((test) => test(element));
}

/** `a > b c`: checked from the right, the way browsers do, so most elements fail at the first test. */
function compileComplex(tokens: Selector[], selector: string): Test {
  let test: Test | undefined;
  let compound: Test[] = [];
  let combinator: Selector['type'] | undefined;
  const close = () => {
    const own = allOf(compound);
    compound = [];
    if (!test) return own;
    const left = test;
    switch (combinator) {
      case 'descendant':
        return (element: Element) => own(element) && hasAncestor(element, left);
      case 'child':
        return (element: Element) => {
          if (!own(element)) return false;
          const parent = parentElement(element);
          return parent !== undefined && left(parent);
        };
      case 'adjacent':
        return (element: Element) => {
          if (!own(element)) return false;
          const siblings = elementSiblings(element);
          const previous = siblings[siblings.indexOf(element) - 1];
          return previous !== undefined && left(previous);
        };
      case 'sibling':
        return (element: Element) => {
          if (!own(element)) return false;
          const siblings = elementSiblings(element);
          return siblings.slice(0, siblings.indexOf(element)).some(left);
        };
      default:
        throw new SelectorError(selector, `unsupported combinator (${combinator})`);
    }
  };
  for (const token of tokens) {
    if (isCombinator(token.type)) {
      if (compound.length === 0) throw new SelectorError(selector, 'a combinator needs a selector on each side');
      test = close();
      combinator = token.type;
    } else {
      compound.push(compileSimple(token, selector));
    }
  }
  if (compound.length === 0) throw new SelectorError(selector, 'empty selector');
  return close();
}

function isCombinator(type: Selector['type']): boolean {
  return type === 'descendant' || type === 'child' || type === 'adjacent' || type === 'sibling' || type === 'parent' || type === 'column-combinator';
}

function hasAncestor(element: Element, test: Test): boolean {
  for (let parent = parentElement(element); parent; parent = parentElement(parent)) if (test(parent)) return true;
  return false;
}

function compileSimple(token: Selector, selector: string): Test {
  switch (token.type) {
    case 'tag':
      return (element) => element.name === token.name;
    case 'universal':
      return () => true;
    case 'attribute':
      return compileAttribute(token);
    case 'pseudo':
      return compilePseudo(token, selector);
    default:
      throw new SelectorError(selector, `unsupported (${token.type === 'pseudo-element' ? `::${token.name}` : token.type})`);
  }
}

function compileAttribute(token: AttributeSelector): Test {
  const name = token.name.toLowerCase();
  // `i` flag only: HTML pages are in standards mode, where class and id values are case-sensitive.
  const fold = token.ignoreCase === true ? (value: string) => value.toLowerCase() : (value: string) => value;
  const wanted = fold(token.value);
  const matches: (value: string) => boolean = {
    exists: () => true,
    equals: (value: string) => value === wanted,
    element: (value: string) => wanted !== '' && !/\s/.test(wanted) && value.split(/[ \t\n\f\r]+/).includes(wanted),
    any: (value: string) => wanted !== '' && value.includes(wanted),
    start: (value: string) => wanted !== '' && value.startsWith(wanted),
    end: (value: string) => wanted !== '' && value.endsWith(wanted),
    hyphen: (value: string) => value === wanted || value.startsWith(`${wanted}-`),
    not: (value: string) => value !== wanted,
  }[token.action];
  // `[a!=b]` (jQuery's, which css-select also reads) matches elements without the attribute too.
  if (token.action === 'not') return (element) => element.attribs[name] === undefined || matches(fold(element.attribs[name] as string));
  return (element) => {
    const value = element.attribs[name];
    return value !== undefined && matches(fold(value));
  };
}

function compilePseudo(token: PseudoSelector, selector: string): Test {
  const inner = () => {
    if (!Array.isArray(token.data)) throw new SelectorError(selector, `:${token.name}() needs selectors`);
    return anyOf(token.data.map((tokens) => compileComplex(tokens, selector)));
  };
  const nth = (of: (element: Element) => Element[], fromEnd: boolean) => {
    if (typeof token.data !== 'string') throw new SelectorError(selector, `:${token.name}() needs a formula`);
    const position = nthFormula(token.data, selector);
    return (element: Element) => {
      const siblings = of(element);
      const index = siblings.indexOf(element);
      return position(fromEnd ? siblings.length - index : index + 1);
    };
  };
  const sameType = (element: Element) => elementSiblings(element).filter((sibling) => sibling.name === element.name);
  switch (token.name) {
    case 'not': {
      const test = inner();
      return (element) => !test(element);
    }
    case 'is':
    case 'where':
    case 'matches':
      return inner();
    case 'has': {
      // Relative selectors (`:has(> a)`) start with a combinator, refused by compileComplex.
      const test = inner();
      return (element) => [...elementsOf(element)].some((descendant) => descendant !== element && test(descendant));
    }
    case 'first-child':
      return (element) => elementSiblings(element)[0] === element;
    case 'last-child':
      return (element) => elementSiblings(element).at(-1) === element;
    case 'only-child':
      return (element) => elementSiblings(element).length === 1;
    case 'first-of-type':
      return (element) => sameType(element)[0] === element;
    case 'last-of-type':
      return (element) => sameType(element).at(-1) === element;
    case 'only-of-type':
      return (element) => sameType(element).length === 1;
    case 'nth-child':
      return nth(elementSiblings, false);
    case 'nth-last-child':
      return nth(elementSiblings, true);
    case 'nth-of-type':
      return nth(sameType, false);
    case 'nth-last-of-type':
      return nth(sameType, true);
    case 'empty':
      return (element) => element.children.every((child) => child.type === 'comment' || (child.type === 'text' && child.data === ''));
    case 'root':
      return (element) => parentElement(element) === undefined;
    default:
      throw new SelectorError(selector, `unsupported pseudo-class :${token.name}`);
  }
}

/** `odd`, `even`, `3`, `2n+1`, `-n+3`: whether a 1-based position is one of `an+b`. */
function nthFormula(formula: string, selector: string): (position: number) => boolean {
  const text = formula.trim().toLowerCase().replace(/\s+/g, '');
  const named = { odd: '2n+1', even: '2n' }[text] ?? text;
  const match = /^([+-]?\d*)n([+-]\d+)?$|^([+-]?\d+)$/.exec(named);
  if (!match) throw new SelectorError(selector, `unsupported formula (${formula})`);
  if (match[3] !== undefined) {
    const only = Number(match[3]);
    return (position) => position === only;
  }
  const a = match[1] === '' || match[1] === '+' ? 1 : match[1] === '-' ? -1 : Number(match[1]);
  const b = Number(match[2] ?? 0);
  if (a === 0) return (position) => position === b;
  return (position) => (position - b) / a >= 0 && (position - b) % a === 0;
}
