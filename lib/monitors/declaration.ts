import { safeHttpUrl } from '../feeds/links';
import type { MonitorPage, PartSelector, RangeSelector } from '../model/source';
import { otaFeedUrl, OTA_CATALOG } from './open-terms-archive';
import { readFilter } from './ota-filters';
import { selectorProblem } from './select';

/**
 * An Open Terms Archive declaration (`declarations/<Service>.json` in a `…-declarations` repository) read as
 * page monitors, one per document, the way OTA's engine reads it:
 * - `select` and `remove`: a CSS selector, a range selector (`{ startBefore | startAfter, endBefore |
 *   endAfter }`: a stretch between two elements), or a list of both;
 * - `combine`: one document made of several pages, fetched in order; each page's own `select`, `remove` and
 *   `filter` take the place of the document's, and it takes the document's where it has none;
 * - `filter`: names of functions in `<Service>.filters.js`, read as what they do to the text (ota-filters.ts);
 *   a filter Vigie cannot read is named on the monitor, not silently ignored;
 * - `executeClientScripts`: OTA reads the page in a browser after its scripts ran; a plain fetch (Vigie's)
 *   may get no text at all. Such a document is best followed through OTA's own versions (`otaFeed`).
 * Older declarations call their documents `documents`, newer ones `terms`: both are read. Entries with a
 * `validUntil` (the `<Service>.history.json` files) are past declarations, not pages to watch.
 *
 * What a monitor cannot do is refused per document, with the reason: PDFs, an unknown key, a selector this
 * extension cannot match.
 */
export interface DeclaredMonitor {
  /** The first page's address: the source's own. */
  url: string;
  /** "Facebook — Terms of Service". */
  title: string;
  service: string;
  /** The OTA document type ("Terms of Service"). */
  document: string;
  select: PartSelector[];
  remove: PartSelector[];
  replace: { selector: string; text: string }[];
  /** A combined document's pages, in order (two or more); absent for a one-page document. */
  pages?: MonitorPage[];
  /** Filters of the declaration that Vigie does not apply: the text may show noise that OTA's does not. */
  unappliedFilters: string[];
  /** OTA runs the page's scripts before reading it (`executeClientScripts`): a plain fetch may get no text. */
  needsScripts: boolean;
  /** Where OTA publishes this document's versions, when its Platform Governance Archive follows it. */
  otaFeed?: string;
}

export interface RefusedDocument {
  document: string;
  reason: string;
}

export interface DeclarationImport {
  service: string;
  monitors: DeclaredMonitor[];
  refused: RefusedDocument[];
}

export class DeclarationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeclarationError';
  }
}

const DOCUMENT_KEYS = new Set(['fetch', 'select', 'remove', 'filter', 'executeClientScripts', 'combine', 'validUntil']);
const PAGE_KEYS = new Set(['fetch', 'select', 'remove', 'filter', 'executeClientScripts']);

export function monitorConfigFromDeclaration(json: unknown): DeclarationImport {
  if (!isRecord(json)) throw new DeclarationError('not a declaration (a JSON object was expected)');
  if (isHistoryFile(json)) {
    throw new DeclarationError('an Open Terms Archive history file (<Service>.history.json): its entries are past declarations, each valid until its date, not pages to watch');
  }
  const service = typeof json.name === 'string' ? json.name.trim() : '';
  if (!service) throw new DeclarationError('the declaration has no service name ("name")');
  const documents = json.documents ?? json.terms;
  if (!isRecord(documents) || Object.keys(documents).length === 0) {
    throw new DeclarationError('the declaration lists no documents ("documents" or "terms")');
  }
  const monitors: DeclaredMonitor[] = [];
  const refused: RefusedDocument[] = [];
  for (const [document, declared] of Object.entries(documents)) {
    try {
      monitors.push(readDocument(service, document, declared));
    } catch (error) {
      if (!(error instanceof DeclarationError)) throw error;
      refused.push({ document, reason: error.message });
    }
  }
  return { service, monitors, refused };
}

/** `{ "<Document>": [{ …, "validUntil": "…" }, …] }`: what `<Service>.history.json` holds. */
function isHistoryFile(json: Record<string, unknown>): boolean {
  const values = Object.values(json);
  return json.name === undefined && values.length > 0 && values.every((value) => Array.isArray(value) && value.every((entry) => isRecord(entry) && 'validUntil' in entry));
}

interface PageDeclaration {
  fetch?: unknown;
  select?: unknown;
  remove?: unknown;
  filter?: unknown;
  executeClientScripts?: unknown;
}

function readDocument(service: string, document: string, declared: unknown): DeclaredMonitor {
  if (!isRecord(declared)) throw new DeclarationError('not an object');
  const unknown = Object.keys(declared).filter((key) => !DOCUMENT_KEYS.has(key));
  if (unknown.length > 0) throw new DeclarationError(`unknown key${unknown.length > 1 ? 's' : ''} ${unknown.map((key) => `"${key}"`).join(', ')}: Vigie cannot tell what it would change`);
  if (declared.validUntil !== undefined && declared.validUntil !== null) {
    throw new DeclarationError(`a past declaration (valid until ${String(declared.validUntil)}), not a page to watch`);
  }
  const { combine, ...shared } = declared;
  let entries: PageDeclaration[];
  if (combine !== undefined) {
    if (!Array.isArray(combine) || combine.length === 0) throw new DeclarationError('"combine" must list the pages the document is made of');
    entries = combine.map((page, index) => {
      if (!isRecord(page)) throw new DeclarationError(`"combine" page ${index + 1} is not an object`);
      const extra = Object.keys(page).filter((key) => !PAGE_KEYS.has(key));
      if (extra.length > 0) throw new DeclarationError(`"combine" page ${index + 1} has an unknown key ${extra.map((key) => `"${key}"`).join(', ')}`);
      // The page's own settings take the place of the document's.
      return { ...shared, ...page };
    });
  } else entries = [shared];

  const unapplied = new Set<string>();
  const pages = entries.map((entry, index): MonitorPage => {
    const where = entries.length > 1 ? `page ${index + 1}: ` : '';
    const url = typeof entry.fetch === 'string' ? safeHttpUrl(entry.fetch) : undefined;
    if (!url) throw new DeclarationError(`${where}no http(s) address to fetch ("fetch")`);
    if (/\.pdf($|[?#])/i.test(url)) throw new DeclarationError(`${where}a PDF document: only web pages can be watched`);
    const filters = readFilters(service, entry.filter, where);
    for (const name of filters.unapplied) unapplied.add(name);
    return {
      url,
      select: selectors(entry.select, 'select', where),
      remove: [...selectors(entry.remove, 'remove', where), ...filters.remove],
      ...(filters.replace.length > 0 ? { replace: filters.replace } : {}),
    };
  });
  const first = pages[0]!;
  const needsScripts = entries.some((entry) => entry.executeClientScripts === true);
  const followed = OTA_CATALOG.pga.some((entry) => entry.service === service && (entry.documents as readonly string[]).includes(document));
  return {
    url: first.url,
    title: `${service} — ${document}`,
    service,
    document,
    select: first.select,
    remove: first.remove,
    replace: first.replace ?? [],
    ...(pages.length > 1 ? { pages } : {}),
    unappliedFilters: [...unapplied],
    needsScripts,
    ...(followed ? { otaFeed: otaFeedUrl('pga', service, document) } : {}),
  };
}

/** OTA's `filter`: a name or a list of names (newer declarations may give `{ "<name>": <parameters> }`). */
function readFilters(service: string, value: unknown, where: string): { remove: string[]; replace: { selector: string; text: string }[]; unapplied: string[] } {
  const result = { remove: [] as string[], replace: [] as { selector: string; text: string }[], unapplied: [] as string[] };
  if (value === undefined) return result;
  const list = Array.isArray(value) ? value : [value];
  for (const entry of list) {
    const name = typeof entry === 'string' ? entry : isRecord(entry) && Object.keys(entry).length === 1 ? Object.keys(entry)[0]! : undefined;
    if (!name) throw new DeclarationError(`${where}"filter" has an entry that is not a filter name (${JSON.stringify(entry)})`);
    const reading = typeof entry === 'string' ? readFilter(service, name) : undefined;
    if (!reading) result.unapplied.push(name);
    else if (reading.kind === 'remove') result.remove.push(...reading.selectors);
    else if (reading.kind === 'replace') result.replace.push({ selector: reading.selector, text: reading.text });
  }
  return result;
}

function selectors(value: unknown, field: 'select' | 'remove', where: string): PartSelector[] {
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((entry): PartSelector => {
    if (isRecord(entry)) return range(entry, field, where);
    if (typeof entry !== 'string' || entry.trim() === '') throw new DeclarationError(`${where}"${field}" has an entry that is not a CSS selector (${JSON.stringify(entry)})`);
    return cssSelector(entry, field, where);
  });
}

function cssSelector(value: string, field: string, where: string): string {
  const problem = selectorProblem(value);
  if (problem) throw new DeclarationError(`${where}"${field}" has a selector that cannot be used (${value}: ${problem})`);
  return value.trim();
}

/** A range selector: exactly one start (before or after) and one end (before or after). */
function range(entry: Record<string, unknown>, field: string, where: string): RangeSelector {
  const starts = ['startBefore', 'startAfter'].filter((key) => key in entry);
  const ends = ['endBefore', 'endAfter'].filter((key) => key in entry);
  const extra = Object.keys(entry).filter((key) => !['startBefore', 'startAfter', 'endBefore', 'endAfter'].includes(key));
  if (starts.length !== 1 || ends.length !== 1 || extra.length > 0) {
    throw new DeclarationError(`${where}"${field}" has a range selector that needs one start and one end (${JSON.stringify(entry)})`);
  }
  const [start, end] = [starts[0]!, ends[0]!];
  const [from, to] = [entry[start], entry[end]];
  if (typeof from !== 'string' || typeof to !== 'string') throw new DeclarationError(`${where}"${field}" has a range selector whose ends are not CSS selectors (${JSON.stringify(entry)})`);
  const checked = { [start]: cssSelector(from, field, where), [end]: cssSelector(to, field, where) };
  return checked as RangeSelector;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
