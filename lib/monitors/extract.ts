import { isTag, type AnyNode, type Document, type Element } from 'domhandler';
import { FeedError } from '../model/feed-error';
import { detach, elementsOf, parseHtml } from './dom';
import { compileSelector, SelectorError } from './select';

/**
 * A watched page's text: what a reader sees of the part that matters, so that a version changes when the words
 * change and not when the markup does (attributes, classes, wrapping divs, indentation). Each block (paragraph,
 * heading, list item, table row…) is one line; spaces are collapsed and lines trimmed; there are no blank
 * lines, because where one falls would depend on the markup (`<h2>T</h2>text` and `<h2>T</h2><div>text</div>`
 * read the same).
 */
export interface ExtractConfig {
  /** CSS selectors of the parts to keep; none keeps the whole body. */
  select: string[];
  /** CSS selectors of the parts to drop (menus, banners, share buttons), applied before `select`. */
  remove: string[];
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
  for (const element of matches(document, config.remove)) detach(element);
  const roots = config.select.length === 0 ? [bodyOf(document)] : matches(document, config.select);
  if (roots.length === 0) throw new FeedError('no-match', config.select.join(', '));
  const text = normaliseText(roots.map(rawText).join('\n'));
  if (text === '') throw new FeedError('empty-page', config.select.length > 0 ? config.select.join(', ') : undefined);
  return { text, title };
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
function matches(document: Document, selectors: string[]): Element[] {
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

/** The text under a node, with line breaks around blocks; normaliseText then tidies it. */
function rawText(root: AnyNode): string {
  const out: string[] = [];
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
