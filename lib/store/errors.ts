import { FeedError } from '../model/feed-error';

/**
 * IndexedDB reports a full disk as a QuotaExceededError on the request or on the transaction's abort.
 * Vigie turns it into a `quota` error that the user reads in words; the transaction is rolled back, so
 * what was stored before stays intact.
 */
export function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('name' in error)) return false;
  if (error.name === 'QuotaExceededError') return true;
  // Chromium does not hold an extension with `unlimitedStorage` to a quota: what stops it is the disk, which it
  // reports as an UnknownError naming the full disk.
  return error.name === 'UnknownError' && 'message' in error && typeof error.message === 'string' && /NO_SPACE|No space left/i.test(error.message);
}

/**
 * Any other failure of the browser's storage to write (Chromium: « Failed to write blobs (IOError) », an
 * UnknownError): the transaction is rolled back all the same, and the member is told the browser could not
 * save, rather than read the browser's own words alone.
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
