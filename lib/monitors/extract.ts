import { isTag, Text, type AnyNode, type Document, type Element } from 'domhandler';
import { FeedError } from '../model/feed-error';
import type { PartSelector, RangeSelector } from '../model/source';
import { detach, elementsOf, parseHtml } from './dom';
import { compileSelector, SelectorError } from './select';

/**
 * A page monitor's text: what a reader sees of the part that matters, so that a version changes when the words
 * change and not when the markup does (attributes, classes, wrapping divs, indentation). Each block (paragraph,
 * heading, list item, table row…) is one line; spaces are collapsed and lines trimmed; there are no blank
 * lines, because where one falls would depend on the markup (`<h2>T</h2>text` and `<h2>T</h2><div>text</div>`
 * read the same).
 */
export interface ExtractConfig {
  /** The parts to keep (CSS selectors, or ranges between two); none keeps the whole body. */
  select: readonly PartSelector[];
  /** The parts to drop (menus, banners, share buttons), applied before `select`. */
  remove: readonly PartSelector[];
  /** Elements read as a given text (an info icon as "ℹ️"), applied first. */
  replace?: readonly { selector: string; text: string }[];
}

export interface ExtractedPage {
  text: string;
  /** The document's `<title>` (else its first `<h1>`), whitespace collapsed; '' when it has neither. */
  title: string;
}

/** Never text: code, styles, drawings, embedded frames, and what shows only without scripts. */
const NEVER_TEXT = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'head']);

/** Elements that start a line of their own, as browsers lay them out by default. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'hr', 'legend', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'thead', 'tfoot',
  'tr', 'ul', 'br', 'html', 'option',
]);

/** Table cells sit on their row's line, apart from each other. */
const CELLS = new Set(['td', 'th']);

export function extractText(html: string, config: ExtractConfig): string {
  return extractPage(parseHtml(html), config).text;
}

/** The same as extractText on a parsed document (the page checks parse once for several reads). */
export function extractPage(document: Document, config: ExtractConfig): ExtractedPage {
  const title = pageTitle(document);
  for (const { selector, text } of config.replace ?? []) {
    for (const element of matches(document, [selector])) replaceWith(element, text);
  }
  const [removeCss, removeRanges] = split(config.remove);
  for (const element of matches(document, removeCss)) detach(element);
  // A range to drop: its words go (what a DOM Range's deleteContents does to the text).
  for (const range of removeRanges) for (const node of textNodesIn(document, boundaries(document, range))) node.data = '';
  const [selectCss, selectRanges] = split(config.select);
  let raw: string;
  if (config.select.length === 0) raw = rawText(bodyOf(document));
  else {
    const roots = matches(document, selectCss);
    if (selectCss.length > 0 && roots.length === 0) throw new FeedError('no-match', selectCss.join(', '));
    raw = [...roots.map((root) => rawText(root)), ...selectRanges.map((range) => rawText(document, boundaries(document, range)))].join('\n');
  }
  const text = normaliseText(raw);
  if (text === '') throw new FeedError('empty-page', config.select.length > 0 ? config.select.map(describeSelector).join(', ') : undefined);
  return { text, title };
}

/** A selector as a member reads it: CSS as is, a range as OTA writes it. */
export function describeSelector(selector: PartSelector): string {
  return typeof selector === 'string' ? selector : JSON.stringify(selector);
}

function split(selectors: readonly PartSelector[]): [string[], RangeSelector[]] {
  return [selectors.filter((selector): selector is string => typeof selector === 'string'), selectors.filter((selector): selector is RangeSelector => typeof selector !== 'string')];
}

/** Where a range starts and ends: at the first element each selector finds, before or after it. */
interface Boundaries {
  start: Element;
  startBefore: boolean;
  end: Element;
  endBefore: boolean;
}

function boundaries(document: Document, range: RangeSelector): Boundaries {
  const first = (selector: string) => {
    const [found] = matches(document, [selector]);
    if (!found) throw new FeedError('no-match', `${selector} (${describeSelector(range)})`);
    return found;
  };
  const startBefore = 'startBefore' in range;
  const endBefore = 'endBefore' in range;
  return {
    start: first(startBefore ? range.startBefore : range.startAfter),
    startBefore,
    end: first(endBefore ? range.endBefore : range.endAfter),
    endBefore,
  };
}

/** The text nodes inside a range, in document order. */
function textNodesIn(document: Document, range: Boundaries): Text[] {
  const found: Text[] = [];
  walkRange(document, range, (node) => {
    if (node.type === 'text') found.push(node as Text);
  });
  return found;
}

/**
 * Walks the document in order and calls `visit` for every node inside the range (between its two
 * boundaries); `close` is called when leaving an element inside it. Elements that are never text are skipped.
 */
function walkRange(document: Document, range: Boundaries, visit: (node: AnyNode) => void, close?: (element: Element) => void): void {
  let inside = false;
  let done = false;
  const walk = (node: AnyNode) => {
    if (done) return;
    if (node === range.start && range.startBefore) inside = true;
    if (node === range.end && range.endBefore) {
      done = true;
      return;
    }
    if (isTag(node) && NEVER_TEXT.has(node.name)) return;
    if (inside) visit(node);
    if ('children' in node) for (const child of node.children) walk(child);
    if (inside && isTag(node)) close?.(node);
    if (node === range.start && !range.startBefore) inside = true;
    if (node === range.end && !range.endBefore) done = true;
  };
  walk(document);
}

function replaceWith(element: Element, text: string): void {
  const node = new Text(text);
  const parent = element.parent;
  if (!parent) return;
  const index = parent.children.indexOf(element);
  detach(element);
  node.parent = parent;
  parent.children.splice(index, 0, node);
}

/** Whitespace as a reader sees it: one line per block, single spaces, no blank lines, no invisible characters. */
export function normaliseText(raw: string): string {
  return raw
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

export function pageTitle(document: Document): string {
  const [title] = [...elementsOf(document)].filter((element) => element.name === 'title');
  const [h1] = title ? [] : [...elementsOf(document)].filter((element) => element.name === 'h1');
  const from = title ?? h1;
  return from ? normaliseText(rawText(from)).replace(/\n/g, ' ') : '';
}

/** An invalid or unsupported selector: the part the user asked for cannot be found, which is what no-match says. */
function compile(selector: string) {
  try {
    return compileSelector(selector);
  } catch (error) {
    if (error instanceof SelectorError) throw new FeedError('no-match', error.message);
    throw error;
  }
}

/** The matches of any of the selectors, in document order; a match inside another is already in it. */
function matches(document: Document, selectors: readonly string[]): Element[] {
  if (selectors.length === 0) return [];
  const tests = selectors.map(compile);
  const found: Element[] = [];
  const take = (element: Element) => {
    if (!tests.some((test) => test(element))) return false;
    found.push(element);
    return true; // and do not look inside it
  };
  for (const _element of elementsOf(document, take));
  return found;
}

function bodyOf(document: Document): AnyNode {
  return [...elementsOf(document)].find((element) => element.name === 'body') ?? document;
}

/** The text under a node (or inside a range of the document), with line breaks around blocks; normaliseText then tidies it. */
function rawText(root: AnyNode, range?: Boundaries): string {
  const out: string[] = [];
  if (range) {
    // Inside a range, each element opens and closes its own line or cell; <pre> is not kept apart there.
    walkRange(root as Document, range, (node) => {
      if (node.type === 'text') out.push((node as Text).data.replace(/[\r\n]+/g, ' '));
      else if (isTag(node)) out.push(BLOCKS.has(node.name) ? '\n' : CELLS.has(node.name) ? ' ' : '');
    }, (element) => out.push(BLOCKS.has(element.name) ? '\n' : CELLS.has(element.name) ? ' ' : ''));
    return out.join('');
  }
  const walk = (node: AnyNode, pre: boolean) => {
    if (node.type === 'text') {
      // Outside <pre>, a line break in the source is a space; inside, it is a line of its own.
      out.push(pre ? node.data : node.data.replace(/[\r\n]+/g, ' '));
      return;
    }
    if (!isTag(node)) {
      if (node.type === 'root') for (const child of node.children) walk(child, pre);
      return;
    }
    if (NEVER_TEXT.has(node.name)) return;
    const block = BLOCKS.has(node.name);
    if (block) out.push('\n');
    else if (CELLS.has(node.name)) out.push(' ');
    const inPre = pre || node.name === 'pre' || node.name === 'textarea';
    for (const child of node.children) walk(child, inPre);
    if (block) out.push('\n');
    else if (CELLS.has(node.name)) out.push(' ');
  };
  walk(root, false);
  return out.join('');
}

/** Open Terms Archive declarations carry the same select / remove: see declaration.ts. */
export { monitorConfigFromDeclaration } from './declaration';
