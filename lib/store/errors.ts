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

/**
 * Chromium, on a disk with no room left, may fail a write before any quota is reached (« Failed to write
 * blobs (IOError) », an UnknownError): the transaction is rolled back all the same, and the member is told
 * the browser could not save, rather than read the browser's own words alone.
 */
export function isStorageFailure(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'name' in error && error.name === 'UnknownError';
}

export async function guardQuota<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isQuotaError(error)) throw new FeedError('quota', (error as Error).message);
    if (isStorageFailure(error)) throw new FeedError('storage', (error as Error).message);
    throw error;
  }
}
