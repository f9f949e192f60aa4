import '@/lib/model/zod-setup';
import { keepInIndexedDb, LiveSearch } from '@/lib/reader/search-catch-up';
import type { SearchReply, SearchRequest } from '@/lib/reader/search-protocol';
import { VigieReader } from '@/lib/store/reader';

/**
 * The dashboard's search index, in a worker so that indexing never freezes the page. It is restored from
 * where the previous dashboard saved it and brought up to date from the store's search journal (built from
 * every item only the first time, or when the saved one cannot be used), and saved again a few seconds after
 * it last changed, so that the next dashboard opens with it.
 */
const post = (reply: SearchReply) => postMessage(reply);

/** Saving exports the whole index: done once the changes have paused, not at each one. */
const SAVE_AFTER_MS = 5_000;

const live = (async () => {
  const keeping = keepInIndexedDb(undefined, (indexed, total) => post({ type: 'progress', indexed, total }));
  // The saved index is read while Vigie's store opens, not after.
  const [reader, saved] = await Promise.all([VigieReader.open(), keeping.load()]);
  const search = await LiveSearch.open(reader, { ...keeping, load: async () => saved });
  post({ type: 'ready', indexed: search.size, origin: search.origin });
  return search;
})();

let saveTimer: ReturnType<typeof setTimeout> | undefined;
/** One change at a time: a catch-up or a save never runs beside another. */
let queue: Promise<unknown> = live.then(() => scheduleSave());

function scheduleSave(): void {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    queue = queue.then(async () => (await live).save()).catch(() => undefined);
  }, SAVE_AFTER_MS);
}

onmessage = (event: MessageEvent<SearchRequest>) => {
  const request = event.data;
  if (request.type === 'changed') {
    queue = queue
      .then(async () => {
        if (await (await live).catchUp()) scheduleSave();
      })
      .catch(() => undefined);
    return;
  }
  void live.then((search) => {
    const start = performance.now();
    const ids = search.search(request.query);
    post({ type: 'results', seq: request.seq, ids, ms: performance.now() - start });
  });
};
