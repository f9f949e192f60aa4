import '@/lib/model/zod-setup';
import { createSearchIndex, searchIds, toSearchDoc, type SearchDoc } from '@/lib/reader/search-index';
import type { SearchReply, SearchRequest } from '@/lib/reader/search-protocol';
import { ItemSchema } from '@/lib/model/item';
import { fromRecord, openVigieDb } from '@/lib/store/store';

/**
 * The dashboard's search index, built in a worker so that indexing tens of thousands of items never
 * freezes the page. It reads the store directly (reads only) and is kept up to date item by item.
 */
const post = (reply: SearchReply) => postMessage(reply);
const index = createSearchIndex();
const dbReady = openVigieDb();
let labels = new Map<string, string[]>();
const tagLabels = (id: string) => labels.get(id) ?? [];

const ready = (async () => {
  const db = await dbReady;
  labels = new Map((await db.getAll('tags')).map((tag) => [tag.id, [tag.label.fr, tag.label.en]]));
  const total = await db.count('items');
  let batch: SearchDoc[] = [];
  let indexed = 0;
  // Cursor pages in short transactions: a long read would hold the store while the background writes.
  let after: string | undefined;
  for (;;) {
    const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
    const records = await db.getAll('items', range, 2000);
    if (records.length === 0) break;
    // A record that no longer validates is left out of the search, not allowed to stop the indexing.
    batch = records.flatMap((record) => {
      const item = ItemSchema.safeParse(record);
      return item.success ? [toSearchDoc(item.data, tagLabels)] : [];
    });
    index.addAll(batch);
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
    if (index.has(id)) index.discard(id);
    if (record) index.add(toSearchDoc(fromRecord(record), tagLabels));
  }
}

onmessage = (event: MessageEvent<SearchRequest>) => {
  const request = event.data;
  void ready.then(async () => {
    if (request.type === 'update') await update(request.ids);
    else {
      const start = performance.now();
      const ids = searchIds(index, request.query);
      post({ type: 'results', seq: request.seq, ids, ms: performance.now() - start });
    }
  });
};
