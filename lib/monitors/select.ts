import { compile, selectAll as cssSelectAll } from 'css-select';
import { parse, type Selector } from 'css-what';
import type { AnyNode, Element } from 'domhandler';

/**
 * CSS selectors on htmlparser2's tree, for a monitor's `select` and `remove` (and those of Open Terms Archive
 * declarations), matched by css-select (htmlparser2's own selector engine). Around it, one rule of Vigie's:
 * what cannot be read right is refused with a SelectorError, never quietly matched to nothing, since a
 * selector read wrongly would watch the wrong part of a page without anyone knowing. css-select already
 * refuses pseudo-elements and the pseudo-classes it does not know; it answers "never" for an empty selector
 * and for states a fetched page cannot be in (`:hover`, `:active`, `:visited`), which are refused here.
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

/** States of a page a member looks at, never of the HTML a monitor fetched. */
const LIVE_STATES = new Set(['hover', 'active', 'visited']);

function refused(groups: Selector[][]): string | undefined {
  if (groups.length === 0) return 'empty selector';
  for (const tokens of groups) {
    if (tokens.length === 0) return 'empty selector';
    for (const token of tokens) {
      if (token.type !== 'pseudo') continue;
      if (LIVE_STATES.has(token.name)) return `unsupported pseudo-class :${token.name}`;
      if (Array.isArray(token.data)) {
        const inner = refused(token.data);
        if (inner) return inner;
      }
    }
  }
  return undefined;
}

export function compileSelector(selector: string): Test {
  try {
    const why = refused(parse(selector));
    if (why) throw new SelectorError(selector, why);
    return compile<AnyNode, Element>(selector);
  } catch (error) {
    if (error instanceof SelectorError) throw error;
    throw new SelectorError(selector, error instanceof Error ? error.message : String(error));
  }
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
  return cssSelectAll<AnyNode, Element>(test, root);
}
