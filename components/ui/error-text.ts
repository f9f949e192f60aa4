import { t } from '@/lib/i18n/browser';
import { errorWords } from '@/lib/i18n/error-words';
import { RequestError } from '@/lib/messages/client';
import { StoreError } from '@/lib/model/store-error';

/**
 * Any error as the member reads it, in the language chosen in Paramètres: a refused request from its code
 * and specifics, the store's own trouble likewise, anything else (a page's own failure) as it says itself.
 */
export function errorText(error: unknown): string {
  // A StoreError is a page's own (its reader could not open the store), worded like the background's.
  if (error instanceof RequestError || error instanceof StoreError) return errorWords(error.info, t);
  return error instanceof Error ? error.message : String(error);
}
