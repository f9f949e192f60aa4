import type { SearchReply, SearchRequest } from './search-protocol';

/**
 * The page's side of the search worker: `search` resolves with the matching ids, or with undefined when a
 * newer keystroke has overtaken it (so a slow answer never replaces a fresher one); `changed` tells the worker
 * that items changed (it reads which from the store's journal).
 */
export interface SearchClient {
  /** Starts the worker (indexing begins); the first search or update starts it too. */
  start(): void;
  search(query: string): Promise<Set<string> | undefined>;
  /**
   * Resolves once the index is ready, or is being built from the items (a long job the page does not wait
   * for): the list's big read of every id waits for it, as both would read the same IndexedDB at once.
   */
  settled(): Promise<void>;
  changed(): void;
  /** `origin`, once ready: restored from the saved index, or built from every item. */
  onProgress(listener: (indexed: number, total: number, ready: boolean, origin?: 'restored' | 'built') => void): void;
}

/**
 * `createWorker` runs when the dashboard asks for it, not at load: indexing reads the whole store, and the
 * first list should not wait behind it.
 */
export function searchClient(createWorker: () => Pick<Worker, 'postMessage' | 'onmessage'>): SearchClient {
  let worker: Pick<Worker, 'postMessage' | 'onmessage'> | undefined;
  let latest = 0;
  const waiting = new Map<number, (ids: Set<string> | undefined) => void>();
  let progress: (indexed: number, total: number, ready: boolean, origin?: 'restored' | 'built') => void = () => undefined;
  let settle: () => void = () => undefined;
  const settled = new Promise<void>((resolve) => (settle = resolve));
  const onMessage = (event: MessageEvent<SearchReply>) => {
    const reply = event.data;
    if (reply.type === 'progress' || reply.type === 'ready') settle();
    if (reply.type === 'progress') progress(reply.indexed, reply.total, false);
    else if (reply.type === 'ready') progress(reply.indexed, reply.indexed, true, reply.origin);
    else {
      for (const [seq, resolve] of waiting) {
        if (seq > reply.seq) continue;
        resolve(seq === latest ? new Set(reply.ids) : undefined);
        waiting.delete(seq);
      }
    }
  };
  const start = () => {
    if (worker) return worker;
    worker = createWorker();
    worker.onmessage = onMessage;
    return worker;
  };
  const send = (request: SearchRequest) => start().postMessage(request);
  return {
    start: () => void start(),
    search(query) {
      latest += 1;
      const seq = latest;
      send({ type: 'search', seq, query });
      return new Promise((resolve) => waiting.set(seq, resolve));
    },
    changed: () => send({ type: 'changed' }),
    settled: () => settled,
    onProgress(listener) {
      progress = listener;
    },
  };
}
