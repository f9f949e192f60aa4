/**
 * `npm run policy -- <command>`: the admins' tool to check an Open Terms Archive declaration before publishing
 * it in the COPIL's pack, as `npm run feed` checks a feed. JSON on stdout; what is not usable exits 1 with one
 * line on stderr.
 *   declaration <file.json>                       the monitors Vigie reads from it, and what it refuses
 *   extract <declaration.json> "<document>" <page.html>...
 *                                                 the document's text as Vigie records it (one page file per
 *                                                 address, in order, for a combined document)
 *   diff <commit.diff> [--subject "<commit subject>"]
 *                                                 what an OTA commit changes, link targets set aside
 */
import { readFile, stat } from 'node:fs/promises';
import { describeFeedError } from '../lib/i18n/node';
import { FeedError } from '../lib/model/feed-error';
import { readCombined } from '../lib/monitors/combined';
import { DeclarationError, monitorConfigFromDeclaration } from '../lib/monitors/declaration';
import { describeSelector } from '../lib/monitors/extract';
import { MAX_DIFF_BYTES, otaChange } from '../lib/monitors/open-terms-archive';

const USAGE = 'usage: npm run policy -- declaration <file.json> | extract <declaration.json> "<document>" <page.html>... | diff <commit.diff> [--subject "<subject>"]';

async function json(path: string): Promise<unknown> {
  const text = await readFile(path, 'utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new DeclarationError(`${path} is not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

async function declaration(path: string) {
  const read = monitorConfigFromDeclaration(await json(path));
  if (read.monitors.length === 0) throw new DeclarationError(`no document can be watched: ${read.refused.map((entry) => `${entry.document} (${entry.reason})`).join('; ')}`);
  return {
    service: read.service,
    monitors: read.monitors.map((monitor) => ({
      document: monitor.document,
      urls: (monitor.pages ?? [monitor]).map((page) => page.url),
      select: monitor.select.map(describeSelector),
      remove: monitor.remove.map(describeSelector),
      ...(monitor.replace.length ? { replace: monitor.replace } : {}),
      unappliedFilters: monitor.unappliedFilters,
      needsScripts: monitor.needsScripts,
      ...(monitor.otaFeed ? { otaFeed: monitor.otaFeed } : {}),
    })),
    refused: read.refused,
  };
}

async function extract(path: string, document: string, files: string[]): Promise<string> {
  const monitor = monitorConfigFromDeclaration(await json(path)).monitors.find((entry) => entry.document === document);
  if (!monitor) throw new DeclarationError(`no watchable document "${document}" in ${path}`);
  const pages = monitor.pages ?? [monitor];
  if (files.length !== pages.length) throw new DeclarationError(`"${document}" is made of ${pages.length} page(s) (${pages.map((page) => page.url).join(', ')}): give one file per page, in order`);
  const read = await readCombined(
    pages,
    async (page, index) => ({ bytes: new Uint8Array(await readFile(files[index]!)), contentType: 'text/html', url: page.url, requestedUrl: page.url }),
    (_page, index) => files[index]!,
  );
  return read.text;
}

async function diff(path: string, subject: string | undefined) {
  // Read no further than what the policy watch accepts: a huge file is refused before it is read.
  const size = (await stat(path)).size;
  if (size > MAX_DIFF_BYTES) throw new FeedError('too-large', `${(size / 1e6).toFixed(1)} MB, at most ${MAX_DIFF_BYTES / 1e6} MB`);
  let change;
  try {
    change = otaChange(await readFile(path, 'utf8'), 'https://github.com/OpenTermsArchive/pga-versions/commit/0000000', { subject });
  } catch (error) {
    if (error instanceof FeedError && error.code === 'malformed') throw new Error(`${path} is not a commit diff (${error.detail})`, { cause: error });
    throw error;
  }
  return {
    significance: change.significance,
    documents: change.documents.map((document) => ({
      name: document.name,
      added: document.added,
      removed: document.removed,
      linksOnly: change.significance === 'links-only',
      technical: change.significance === 'technical',
      words: {
        added: document.parts.filter((part) => part.op === 'insert').map((part) => part.text.trim()).filter(Boolean),
        removed: document.parts.filter((part) => part.op === 'delete').map((part) => part.text.trim()).filter(Boolean),
      },
    })),
  };
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  const out = (value: unknown): void => void process.stdout.write(`${typeof value === 'string' ? value : JSON.stringify(value, null, 2)}\n`);
  if (command === 'declaration' && args[0]) return out(await declaration(args[0]));
  if (command === 'extract' && args.length >= 3) return out(await extract(args[0]!, args[1]!, args.slice(2)));
  if (command === 'diff' && args[0]) {
    const flag = args.indexOf('--subject');
    return out(await diff(args[0], flag > 0 ? args[flag + 1] : undefined));
  }
  throw new Error(USAGE);
}

main().catch((error: unknown) => {
  const message =
    error instanceof FeedError
      ? describeFeedError(error.toInfo())
      : error instanceof Error && 'code' in error && error.code === 'ENOENT'
        ? `file not found: ${(error as NodeJS.ErrnoException).path}`
        : error instanceof Error
          ? error.message
          : String(error);
  process.stderr.write(`vigie policy: ${message.split('\n')[0]}\n`);
  process.exit(1);
});
