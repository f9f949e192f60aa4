import type { ErrorInfo } from './error-info';

/**
 * Why Vigie's IndexedDB cannot be used right now, as data that pages word (lib/i18n/error-words.ts):
 * - `store-newer`: a newer build of Vigie made it (`found`), this code reads up to `supported`; it is left as it is;
 * - `store-blocked`: the upgrade waits for another tab of Vigie to let go of its older connection;
 * - `store-closed`: the browser closed the connection (or it stepped aside for an upgrade); the next request opens it again.
 * No zod here (only a type import): the popup words these errors too, and its size is budgeted.
 */
export type StoreProblem = 'store-newer' | 'store-blocked' | 'store-closed';

export class StoreError extends Error {
  override name = 'StoreError';

  constructor(
    readonly code: StoreProblem,
    readonly params: { found?: number; supported?: number } = {},
  ) {
    // For logs; members read the words of error-words.ts.
    super(params.found === undefined ? code : `${code}: database version ${params.found}, this code reads up to ${params.supported}`);
  }

  get info(): ErrorInfo {
    return { code: this.code, params: this.params };
  }
}

/** A DOMException (or what Node's fake IndexedDB throws for one) of that name. */
export const isNamed = (error: unknown, name: string): boolean => typeof error === 'object' && error !== null && 'name' in error && error.name === name;
