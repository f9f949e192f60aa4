import { REQUESTS } from '../messages/protocol';
import type { Handlers } from '../messages/router';
import { StoreError } from '../model/store-error';

/**
 * The answers while the store cannot be used (a newer Vigie made it, an upgrade waits for another tab, it
 * failed to open): every request is refused with why, which the page words (describeError, errorText), rather
 * than left waiting or failing without a word. On a newer store the backup export still works: it copies
 * the store as it is (lib/data/raw-export.ts), without writing to it.
 */
export function handlersWithoutStore(problem: unknown, copyAsStored: () => Promise<string>): Handlers {
  const refuse = async () => {
    throw problem;
  };
  const handlers = Object.fromEntries(Object.keys(REQUESTS).map((type) => [type, refuse])) as unknown as Handlers;
  if (problem instanceof StoreError && problem.code === 'store-newer') return { ...handlers, exportData: async () => ({ text: await copyAsStored() }) };
  return handlers;
}
