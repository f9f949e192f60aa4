import '@/lib/model/zod-setup';
import { SearchIndex, toSearchDoc } from '@/lib/reader/search-index';
import type { SearchReply, SearchRequest } from '@/lib/reader/search-protocol';
import { ItemSchema } from '@/lib/model/item';
import { fromRecord, openVigieDb } from '@/lib/store/store';

/**
 * The dashboard's search index, built in a worker so that indexing tens of thousands of items never
 * freezes the page. It reads the store directly (reads only) and is kept up to date item by item.
 */
const post = (reply: SearchReply) => postMessage(reply);
const index = new SearchIndex();
const dbReady = openVigieDb();
let labels = new Map<string, string[]>();
const tagLabels = (id: string) => labels.get(id) ?? [];

const ready = (async () => {
  const db = await dbReady;
  labels = new Map((await db.getAll('tags')).map((tag) => [tag.id, [tag.label.fr, tag.label.en]]));
  const total = await db.count('items');
  let indexed = 0;
  // Cursor pages in short transactions: a long read would hold the store while the background writes.
  let after: string | undefined;
  for (;;) {
    const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
    const records = await db.getAll('items', range, 2000);
    if (records.length === 0) break;
    // A record that no longer validates is left out of the search, not allowed to stop the indexing.
    for (const record of records) {
      const item = ItemSchema.safeParse(record);
      if (item.success) index.put(toSearchDoc(item.data, tagLabels));
    }
    indexed += records.length;
    after = records[records.length - 1]?.id;
    post({ type: 'progress', indexed, total });
  }
  post({ type: 'ready', indexed });
})();

async function update(ids: string[]): Promise<void> {
  const db = await dbReady;
  for (const id of ids) {
    const record = await db.get('items', id);
    // Only the parts whose words changed are indexed again (a read or starred item costs nothing).
    if (record) index.put(toSearchDoc(fromRecord(record), tagLabels));
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
