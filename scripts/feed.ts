/**
 * `npm run feed -- <path-or-url>`: runs a feed through the extension's own pipeline and prints what Vigie
 * would store, so that the COPIL can check a source before adding it to the pack.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fetchFeed } from '../lib/feeds/fetch';
import { readFeed } from '../lib/feeds/pipeline';
import { describeFeedError } from '../lib/i18n/node';
import { FeedError } from '../lib/model/feed-error';
import { DEFAULT_SETTINGS } from '../lib/model/settings';

async function load(target: string): Promise<{ bytes: Uint8Array; url: string; contentType?: string }> {
  if (/^https?:\/\//i.test(target)) {
    const response = await fetchFeed(target, {
      timeoutMs: DEFAULT_SETTINGS.fetchTimeoutSeconds * 1000,
      maxBytes: DEFAULT_SETTINGS.maxResponseMegabytes * 1024 * 1024,
    });
    if (response.status === 'not-modified') throw new FeedError('http', '304 without a cached copy');
    return response;
  }
  const path = resolve(target.replace(/^file:\/\//, ''));
  return { bytes: new Uint8Array(await readFile(path)), url: pathToFileURL(path).href };
}

async function main(): Promise<void> {
  const target = process.argv[2];
  if (!target || target.startsWith('--')) throw new Error('usage: npm run feed -- <path-or-url> [--base <url>]');
  const { bytes, url, contentType } = await load(target);
  // A local file has no web address: its relative links stay unresolved (no `url`) unless --base gives one.
  const baseFlag = process.argv.indexOf('--base');
  const base = baseFlag > 0 ? process.argv[baseFlag + 1] : undefined;
  const feed = await readFeed(bytes, { url: base ?? url, contentType });
  const items = feed.items.map(({ id, url: link, title, published, summary, contentHtml }) => ({
    id,
    ...(link ? { url: link } : {}),
    title,
    published: published ?? null,
    summary: summary ?? null,
    contentHtml: contentHtml ?? null,
  }));
  process.stdout.write(`${JSON.stringify({ format: feed.format, title: feed.title, items }, null, 2)}\n`);
}

main().catch((error: unknown) => {
  const message =
    error instanceof FeedError
      ? describeFeedError(error.toInfo())
      : error instanceof Error && 'code' in error && error.code === 'ENOENT'
        ? `file not found: ${process.argv[2]}`
        : error instanceof Error
          ? error.message
          : String(error);
  process.stderr.write(`vigie feed: ${message.split('\n')[0]}\n`);
  process.exit(1);
});
