import { safeHttpUrl } from '../feeds/links';
import { selectorProblem } from './select';

/**
 * An Open Terms Archive declaration (`declarations/<Service>.json` in a `…-declarations` repository) read as
 * page monitors: one per document, with the document's own `select` / `remove` selectors. Older declarations
 * call their documents `documents`, newer ones `terms`: both are read.
 *
 * What a monitor cannot do is refused per document, with the reason, rather than half-read: range selectors
 * (`{ startBefore, endBefore }`: a stretch between two elements), documents combined from several pages
 * (`combine`), PDFs, a `select` or `remove` that is neither a string nor a list of strings, and selectors this
 * extension cannot match. OTA's `filter`s are JavaScript functions kept in the declarations repository: they
 * are not run, so a filtered document may show some noise that OTA's own versions do not.
 */
export interface DeclaredMonitor {
  url: string;
  /** "Facebook — Terms of Service". */
  title: string;
  service: string;
  /** The OTA document type ("Terms of Service"). */
  document: string;
  select: string[];
  remove: string[];
  /**
   * Set when OTA fetches this page in a headless browser (`executeClientScripts`): the page is built by
   * scripts, which Vigie does not run, so the watched part may well be missing (a `no-match` in its health).
   */
  needsScripts: boolean;
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

export function monitorConfigFromDeclaration(json: unknown): DeclarationImport {
  if (!isRecord(json)) throw new DeclarationError('not a declaration (a JSON object was expected)');
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

function readDocument(service: string, document: string, declared: unknown): DeclaredMonitor {
  if (!isRecord(declared)) throw new DeclarationError('not an object');
  if (declared.combine !== undefined) throw new DeclarationError('combines several pages ("combine"): one monitor watches one page');
  const url = typeof declared.fetch === 'string' ? safeHttpUrl(declared.fetch) : undefined;
  if (!url) throw new DeclarationError('no http(s) address to fetch ("fetch")');
  if (/\.pdf($|[?#])/i.test(url)) throw new DeclarationError('a PDF document: only web pages can be watched');
  return {
    url,
    title: `${service} — ${document}`,
    service,
    document,
    select: selectors(declared.select, 'select'),
    remove: selectors(declared.remove, 'remove'),
    needsScripts: declared.executeClientScripts === true,
  };
}

function selectors(value: unknown, field: 'select' | 'remove'): string[] {
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((entry) => {
    if (isRecord(entry) && ['startBefore', 'startAfter', 'endBefore', 'endAfter'].some((key) => key in entry)) {
      throw new DeclarationError(`"${field}" has a range selector (${JSON.stringify(entry)}), which monitors do not support`);
    }
    if (typeof entry !== 'string' || entry.trim() === '') throw new DeclarationError(`"${field}" has an entry that is not a CSS selector (${JSON.stringify(entry)})`);
    const problem = selectorProblem(entry);
    if (problem) throw new DeclarationError(`"${field}" has a selector that cannot be used (${entry}: ${problem})`);
    return entry.trim();
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
