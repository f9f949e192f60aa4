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

/** A stable, compact identifier: hex SHA-256 of the namespaced key, cut to 128 bits. */
export async function stableId(namespace: string, key: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${namespace}\n${key}`));
  return Array.from(new Uint8Array(digest).subarray(0, 16), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
