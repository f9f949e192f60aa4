import { t } from '@/lib/i18n/browser';
import { errorWords } from '@/lib/i18n/error-words';
import { RequestError } from '@/lib/messages/client';

/**
 * Any error as the member reads it, in the language chosen in Paramètres: a refused request from its code
 * and specifics, anything else (a page's own failure) as it says itself.
 */
export function errorText(error: unknown): string {
  if (error instanceof RequestError) return errorWords(error.info, t);
  return error instanceof Error ? error.message : String(error);
}
