/**
 * Functions the harness runs inside an extension page, the same in both browsers. Each is sent as text, so
 * each is self-contained: no import, no outer name.
 */

/** One stored item as a page reads it (IndexedDB, read-only, without the store's index keys), or null. */
export async function readStoredItem(wanted: string): Promise<Record<string, unknown> | null> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const opening = indexedDB.open('vigie');
    opening.onsuccess = () => resolve(opening.result);
    opening.onerror = () => reject(opening.error);
  });
  const record = await new Promise<Record<string, unknown> | undefined>((resolve, reject) => {
    const reading = db.transaction('items').objectStore('items').get(wanted);
    reading.onsuccess = () => resolve(reading.result);
    reading.onerror = () => reject(reading.error);
  });
  db.close();
  if (!record) return null;
  const { sortDate: _s, unreadDate: _u, starredDate: _d, clipDate: _c, unreadFetched: _f, ...stored } = record;
  return stored;
}

/**
 * A script to run in a page before its own: records each new text of the element `selector` in
 * `globalThis.__vigieSeen`, at every change of the document (so also the first frame's).
 */
export function watchText(selector: string): string {
  return `(() => {
    const seen = (globalThis.__vigieSeen = []);
    const note = () => {
      const text = document.querySelector(${JSON.stringify(selector)})?.textContent;
      if (text != null && seen[seen.length - 1] !== text) seen.push(text);
    };
    new MutationObserver(note).observe(document, { subtree: true, childList: true, characterData: true });
  })();`;
}

/** The part of the extension API (Firefox's `browser`, Chromium's `chrome`, both promise-based) the tests call. */
export interface ExtensionApi {
  runtime: {
    sendMessage: (message: unknown) => Promise<any>;
    getManifest: () => { version: string; commands: Record<string, { suggested_key?: object }> };
    reload: () => void;
  };
  alarms: { get: (name: string) => Promise<{ name: string; periodInMinutes?: number } | undefined>; clear: (name: string) => Promise<boolean> };
  action: { getBadgeText: (details: object) => Promise<string>; getBadgeBackgroundColor: (details: object) => Promise<number[]> };
  notifications: { getAll: () => Promise<Record<string, unknown>> };
  tabs: {
    query: (query: object) => Promise<{ id?: number; url?: string }[]>;
    create: (properties: { url: string }) => Promise<{ id?: number }>;
    get: (tabId: number) => Promise<{ status?: string }>;
  };
  commands: { getAll: () => Promise<{ name?: string; description?: string; shortcut?: string }[]> };
  contextMenus: { update: (id: string, properties: object) => Promise<void> };
  permissions: { contains: (permissions: { origins: string[] }) => Promise<boolean> };
}

/** `fn(api, arg)` as an expression to evaluate in an extension page: `browser` in Firefox, `chrome` in Chromium. */
export function callWithApi<A>(fn: (api: ExtensionApi, arg: A) => unknown, arg: A | null): string {
  return `(${fn.toString()})(globalThis.browser ?? globalThis.chrome, ${JSON.stringify(arg)})`;
}
