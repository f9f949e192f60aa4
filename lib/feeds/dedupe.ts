import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalLink } from './links';
import type { RawEntry } from './parse';

/**
 * What makes two fetches of an entry the same item: its guid, else its canonical link (trackers removed),
 * else a hash of what it says. The key is namespaced by the source so that two sources stay apart.
 */
export function dedupeKey(entry: RawEntry, link: string | undefined, text: string): string {
  const guid = entry.guid?.trim();
  if (guid) return `guid:${guid}`;
  const canonical = canonicalLink(link);
  if (canonical) return `link:${canonical}`;
  return `text:${entry.title ?? ''}\n${text}`;
}

/**
 * A stable, compact identifier: hex SHA-256 of the namespaced key, cut to 128 bits. Synchronous on
 * purpose: Web Crypto's digest is asynchronous and, one call per item, cost more than parsing a whole feed.
 */
export function stableId(namespace: string, key: string): string {
  return bytesToHex(sha256(utf8ToBytes(`${namespace}\n${key}`)).subarray(0, 16));
}
