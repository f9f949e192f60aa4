import type { HubConnection } from '../model/hub-connection';
import { META } from '../store/meta-keys';
import type { VigieStore } from '../store/store';

/** This member's link to the COPIL hub. The token is the member's own secret; the hub keeps only its hash. */
export const loadConnection = (store: VigieStore) => store.getMeta(META.hub);

export const saveConnection = (store: VigieStore, connection: HubConnection | undefined) =>
  connection ? store.setMeta(META.hub, connection) : store.deleteMeta(META.hub);

/** "https://veille.example.fr/" and "veille.example.fr" both become "https://veille.example.fr". */
export function normalizeHubUrl(input: string): string | undefined {
  const trimmed = input.trim();
  // Another scheme (ftp://, javascript:…) is refused, not taken for a host name.
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) && !/^https?:\/\//i.test(trimmed) && !/^[^:/]+:\d+(\/|$)/.test(trimmed)) return undefined;
  try {
    const url = new URL(/^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return undefined;
  }
}

/**
 * The addresses a connection tries, in order. Typed with its scheme, just that one; typed without
 * (« veille.example.fr:8787 »), https first, then http: a hub on a collectivité's network may have no
 * certificate, and the member typed no scheme to choose.
 */
export function hubAddressesToTry(input: string): string[] {
  const url = normalizeHubUrl(input);
  if (!url) return [];
  return /^\s*https?:\/\//i.test(input) ? [url] : [url, url.replace(/^https:/, 'http:')];
}
