/** Messages between the dashboard and its search worker (both sides are Vigie's own code, same bundle). */
export type SearchRequest =
  | { type: 'search'; seq: number; query: string }
  /** Items were added, changed or deleted: the worker reads the store's search journal. */
  | { type: 'changed' };

export type SearchReply =
  | { type: 'progress'; indexed: number; total: number }
  /** `restored`: from the index saved by an earlier dashboard; `built`: from every item. */
  | { type: 'ready'; indexed: number; origin: 'restored' | 'built' }
  | { type: 'results'; seq: number; ids: string[]; ms: number };
