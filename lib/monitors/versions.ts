import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { safeHttpUrl } from '../feeds/links';
import type { Change } from '../model/change';
import { wordDiff, type WordDiffOptions } from './diff';

/**
 * A page monitor's versions: a new one is kept only when its text changed (markup alone changes nothing, since
 * extraction already dropped it), and the change from the previous one is what the new item shows.
 */

/** SHA-256 of the text: stable across browsers and runs, and already in the background for item ids. */
export function textHash(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

export interface PreviousVersion {
  text: string;
  hash: string;
}

export interface PageVersionInfo extends WordDiffOptions {
  /** The page's title (or the monitor's): the changed document's name. */
  name: string;
  /** The page itself, where its current full text is. */
  url?: string;
}

export type NextVersion =
  /** Same text as the last version: nothing to store, nothing to announce. */
  | { changed: false; hash: string }
  /** A new version to store; `change` is absent for a page's first version (there is nothing to compare). */
  | { changed: true; hash: string; change?: Change };

/** `page` is the changed document's name, or that and the page's address and diff options. */
export function nextVersion(previous: PreviousVersion | undefined, text: string, page: string | PageVersionInfo): NextVersion {
  const hash = textHash(text);
  // The texts, not the hashes, are compared: a hash stored by another version of Vigie must not fake a change.
  if (previous && previous.text === text) return { changed: false, hash };
  if (!previous) return { changed: true, hash };
  if (typeof page === 'string') page = { name: page };
  const diff = wordDiff(previous.text, text, page);
  const afterUrl = safeHttpUrl(page.url);
  return {
    changed: true,
    hash,
    change: {
      kind: 'page',
      documents: [{ name: page.name, parts: diff.parts, added: diff.added, removed: diff.removed, ...(afterUrl ? { afterUrl } : {}) }],
      ...(diff.truncated ? { truncated: true } : {}),
    },
  };
}

/**
 * The versions past the `retention` most recent ones (by fetch date, newest first), to delete. The newest is
 * always kept, whatever the retention says: the next check compares against it.
 */
export function versionsToDrop(versions: { id: string; fetched: string }[], retention: number): string[] {
  const keep = Math.max(1, Math.floor(retention) || 1);
  const time = (fetched: string) => {
    const parsed = Date.parse(fetched);
    return Number.isNaN(parsed) ? Number.NEGATIVE_INFINITY : parsed;
  };
  return [...versions]
    .sort((a, b) => time(b.fetched) - time(a.fetched) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .slice(keep)
    .map((version) => version.id);
}
