import '@/lib/model/zod-setup';
import { SearchIndex, toSearchDoc } from '@/lib/reader/search-index';
import type { SearchReply, SearchRequest } from '@/lib/reader/search-protocol';
import { VigieReader } from '@/lib/store/reader';

/**
 * The dashboard's search index, built in a worker so that indexing tens of thousands of items never
 * freezes the page. It reads the store through the reader (reads only) and is kept up to date item by item.
 */
const post = (reply: SearchReply) => postMessage(reply);
const index = new SearchIndex();
const readerReady = VigieReader.open();
let labels = new Map<string, string[]>();
const tagLabels = (id: string) => labels.get(id) ?? [];

const ready = (async () => {
  const reader = await readerReady;
  labels = new Map((await reader.listTags()).map((tag) => [tag.id, [tag.label.fr, tag.label.en]]));
  const total = await reader.countItems();
  let indexed = 0;
  // Pages in short reads, so that the background's writes are not held up; an item that no longer passes
  // the model is left out of the search by the reader, not allowed to stop the indexing.
  for await (const items of reader.pages(2000)) {
    for (const item of items) index.put(toSearchDoc(item, tagLabels));
    indexed += items.length;
    post({ type: 'progress', indexed, total });
  }
  post({ type: 'ready', indexed });
})();

async function update(ids: string[]): Promise<void> {
  const reader = await readerReady;
  for (const id of ids) {
    const item = await reader.getItem(id);
    // Only the parts whose words changed are indexed again (a read or starred item costs nothing).
    if (item) index.put(toSearchDoc(item, tagLabels));
    else index.remove(id);
  }
}

onmessage = (event: MessageEvent<SearchRequest>) => {
  const request = event.data;
  void ready.then(async () => {
    if (request.type === 'update') await update(request.ids);
    else {
      const start = performance.now();
      const ids = index.search(request.query);
      post({ type: 'results', seq: request.seq, ids, ms: performance.now() - start });
    }
  });
};
