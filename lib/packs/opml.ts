/**
 * OPML: the file every feed reader exchanges its subscription list in, and so the shape sources travel in: the
 * COPIL's sources pack (published by the hub, read by the extension) and a member's import and export.
 */
import { Parser } from 'xml2js';
import { canonicalLink } from '../feeds/links';
import type { Source } from '../model/source';

export class OpmlError extends Error {
  override name = 'OpmlError';
}

export interface OpmlEntry {
  url: string;
  title: string;
  category?: string;
  language?: string;
  kind?: 'rss' | 'atom' | 'rdf' | 'jsonfeed';
}

/** xml2js's output: attributes under `$`, children as arrays by name, a childless element as a string. */
interface XmlElement {
  $?: Record<string, string>;
  body?: unknown[];
  outline?: unknown[];
}

const DEFAULT_TITLE = 'Vigie — sources';

/** Nothing is expanded here anyway, but a document that declares entities is refused rather than trusted. */
const ENTITY_DECLARATION = /<!DOCTYPE[^>[]*\[[\s\S]*?<!ENTITY/i;

/** Only used to explain a parse failure: an HTML page is better reported as HTML than as broken XML. */
const FIRST_TAG = /<([A-Za-z_][\w:.-]*)[\s/>]/;

const asElement = (node: unknown): XmlElement => (typeof node === 'object' && node !== null ? (node as XmlElement) : {});

/** The attribute trimmed, or undefined when it is absent or blank. Names are lower-cased at parse time. */
const attribute = (attributes: Record<string, string>, name: string): string | undefined =>
  attributes[name]?.trim() || undefined;

interface FeedOutline {
  attributes: Record<string, string>;
  path: readonly string[];
}

/** Every outline with an xmlUrl, with the labels of the outlines it sits in. */
function* feedOutlines(nodes: readonly unknown[], path: readonly string[]): Generator<FeedOutline> {
  for (const node of nodes) {
    const element = asElement(node);
    const attributes = element.$ ?? {};
    if (attribute(attributes, 'xmlurl')) yield { attributes, path };
    const label = attribute(attributes, 'text') ?? attribute(attributes, 'title');
    yield* feedOutlines(element.outline ?? [], label ? [...path, label] : path);
  }
}

/**
 * OPML 2.0's `category` attribute is a comma-separated list of slash-delimited paths ("/Veille/Meta"):
 * the first path is read the way nested outlines are.
 */
const categoryAttribute = (value: string | undefined): string | undefined =>
  value?.split(',')[0]?.split('/').map((part) => part.trim()).filter(Boolean).join(' / ') || undefined;

async function parseXml(text: string): Promise<Record<string, unknown> | null> {
  const parser = new Parser({ attrNameProcessors: [(name: string) => name.toLowerCase()] });
  try {
    return await parser.parseStringPromise(text);
  } catch (error) {
    const root = FIRST_TAG.exec(text)?.[1];
    if (root && root !== 'opml') throw new OpmlError(`not an OPML document: the root element is <${root}>`);
    // sax says "Unexpected close tag\nLine: 2\nColumn: 6\nChar: >", with lines counted from 0.
    const message = error instanceof Error ? error.message : String(error);
    const [reason = '', line] = message.split('\n');
    const lineNumber = /^Line: (\d+)$/.exec(line ?? '')?.[1];
    const where = lineNumber === undefined ? '' : ` at line ${Number(lineNumber) + 1}`;
    throw new OpmlError(`invalid XML${where}: ${reason.replace(/\.$/, '').toLowerCase()}`);
  }
}

/** The feeds an OPML 1.0 or 2.0 file lists. Links that are not http(s) are skipped; a repeated feed is kept once. */
export async function parseOpml(text: string): Promise<OpmlEntry[]> {
  if (ENTITY_DECLARATION.test(text)) {
    throw new OpmlError('refused: the document declares XML entities in its DOCTYPE (entity-expansion risk)');
  }
  const document = await parseXml(text);
  if (!document) throw new OpmlError('not an OPML document: the file is empty');
  const root = Object.keys(document)[0];
  if (root !== 'opml') throw new OpmlError(`not an OPML document: the root element is <${root}>`);
  const body = asElement(document.opml).body;
  if (!body) throw new OpmlError('not an OPML document: <opml> has no <body>');

  const entries = new Map<string, OpmlEntry>();
  let feedCount = 0;
  for (const { attributes, path } of feedOutlines(asElement(body[0]).outline ?? [], [])) {
    feedCount++;
    const url = canonicalLink(attributes.xmlurl);
    if (!url || entries.has(url)) continue;
    const category = path.length > 0 ? path.join(' / ') : categoryAttribute(attributes.category);
    const language = attribute(attributes, 'language');
    const type = attribute(attributes, 'type')?.toLowerCase();
    entries.set(url, {
      url,
      title: attribute(attributes, 'title') ?? attribute(attributes, 'text') ?? url,
      ...(category ? { category } : {}),
      ...(language ? { language } : {}),
      ...(type === 'rss' || type === 'atom' ? { kind: type } : {}),
    });
  }
  if (feedCount === 0) throw new OpmlError('no feed outline (no outline with an xmlUrl)');
  return [...entries.values()];
}

/** Characters XML 1.0 cannot carry at all: dropped, so that the export always parses. */
// eslint-disable-next-line no-control-regex -- the control characters XML forbids are what this removes
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // Written raw, these would become spaces when the attribute is read back.
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

const escapeXml = (value: string): string => value.replace(NOT_XML, '').replace(/[&<>"'\t\n\r]/g, (c) => ESCAPES[c] ?? c);

function feedOutline(source: Source): string {
  const attributes: [string, string | undefined][] = [
    ['type', 'rss'],
    ['text', source.title],
    ['title', source.title],
    ['xmlUrl', source.url],
    ['htmlUrl', source.siteUrl],
    ['language', source.language],
  ];
  const written = attributes.flatMap(([name, value]) => (value === undefined ? [] : [`${name}="${escapeXml(value)}"`]));
  return `<outline ${written.join(' ')}/>`;
}

/** An OPML 2.0 file of all the sources: one parent outline per category, sources without one at the top. */
export function exportOpml(sources: readonly Source[], options: { title?: string; now?: Date } = {}): string {
  const compare = new Intl.Collator('fr').compare;
  const sorted = [...sources].sort((a, b) => compare(a.category ?? '', b.category ?? '') || compare(a.title, b.title));
  const byCategory = new Map<string, Source[]>();
  for (const source of sorted) {
    const category = source.category ?? '';
    byCategory.set(category, [...(byCategory.get(category) ?? []), source]);
  }

  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${escapeXml(options.title ?? DEFAULT_TITLE)}</title>`,
    `    <dateCreated>${(options.now ?? new Date()).toUTCString()}</dateCreated>`,
    '  </head>',
    '  <body>',
  ];
  for (const [category, members] of byCategory) {
    if (category === '') {
      lines.push(...members.map((source) => `    ${feedOutline(source)}`));
    } else {
      const label = escapeXml(category);
      lines.push(`    <outline text="${label}" title="${label}">`);
      lines.push(...members.map((source) => `      ${feedOutline(source)}`));
      lines.push('    </outline>');
    }
  }
  lines.push('  </body>', '</opml>', '');
  return lines.join('\n');
}
