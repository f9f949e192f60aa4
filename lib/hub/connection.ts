import { HubConnectionSchema, type HubConnection } from '../model/hub-connection';
import type { VigieStore } from '../store/store';

/**
 * This member's link to the COPIL hub, kept in the store's meta (never in backups: see lib/data/backup.ts).
 * The token is the member's own secret; the hub keeps only its hash.
 */
export const HUB_KEY = 'hub';

export const loadConnection = (store: VigieStore) => store.getMeta(HUB_KEY, HubConnectionSchema);

export const saveConnection = (store: VigieStore, connection: HubConnection | undefined) =>
  connection ? store.setMeta(HUB_KEY, connection) : store.db.delete('meta', HUB_KEY);

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
