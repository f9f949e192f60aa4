import { describe, expect, it, vi } from 'vitest';
import { searchClient } from '../../lib/reader/search-client';
import type { SearchReply, SearchRequest } from '../../lib/reader/search-protocol';

/** The page's side of the search worker, with a worker played by hand. */
function withWorker() {
  const sent: SearchRequest[] = [];
  const worker = { onmessage: null as ((event: MessageEvent<SearchReply>) => void) | null, postMessage: (request: SearchRequest) => void sent.push(request) };
  const client = searchClient(() => worker as unknown as Worker);
  const reply = (data: SearchReply) => worker.onmessage?.({ data } as MessageEvent<SearchReply>);
  return { client, sent, reply };
}

describe('search client', () => {
  it('is settled once the saved index is ready, or once the index is being built (the list does not wait for a build)', async () => {
    for (const first of [{ type: 'ready', indexed: 3, origin: 'restored' }, { type: 'progress', indexed: 2000, total: 200_000 }] as SearchReply[]) {
      const { client, reply } = withWorker();
      const settled = vi.fn();
      void client.settled().then(settled);
      client.start();
      await Promise.resolve();
      expect(settled).not.toHaveBeenCalled();
      reply(first);
      await Promise.resolve();
      expect(settled).toHaveBeenCalled();
    }
  });

  it('answers the latest search only, and tells the worker of changes', async () => {
    const { client, sent, reply } = withWorker();
    const older = client.search('elec');
    const newer = client.search('election');
    client.changed();
    expect(sent).toEqual([{ type: 'search', seq: 1, query: 'elec' }, { type: 'search', seq: 2, query: 'election' }, { type: 'changed' }]);
    reply({ type: 'results', seq: 2, ids: ['a'], ms: 1 });
    expect(await older).toBeUndefined();
    expect(await newer).toEqual(new Set(['a']));
  });
});
