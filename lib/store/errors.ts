import { FeedError } from '../model/feed-error';

/**
 * IndexedDB reports a full disk as a QuotaExceededError on the request or on the transaction's abort.
 * Vigie turns it into a `quota` error that the user reads in words; the transaction is rolled back, so
 * what was stored before stays intact.
 */
export function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException
    ? error.name === 'QuotaExceededError'
    : typeof error === 'object' && error !== null && 'name' in error && error.name === 'QuotaExceededError';
}

export async function guardQuota<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isQuotaError(error)) throw new FeedError('quota', (error as Error).message);
    throw error;
  }
}
