/** Messages between the dashboard and its search worker (both sides are Vigie's own code, same bundle). */
export type SearchRequest =
  | { type: 'search'; seq: number; query: string }
  /** Items added, changed or deleted: the worker reads them again from the store. */
  | { type: 'update'; ids: string[] };

export type SearchReply =
  | { type: 'progress'; indexed: number; total: number }
  | { type: 'ready'; indexed: number }
  | { type: 'results'; seq: number; ids: string[]; ms: number };
