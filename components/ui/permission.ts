import { browser } from 'wxt/browser';
import { originPattern } from '@/lib/feeds/links';

/**
 * Asks the browser for the right to read `url`'s origin. Browsers only show the prompt during a user
 * gesture, which ends at the first `await`: call this first thing in a click or submit handler. It resolves
 * true at once when the origin is already granted (the curated pack's, declared in the manifest).
 */
export function askToRead(url: string): Promise<boolean> {
  try {
    return browser.permissions.request({ origins: [originPattern(url)] }).catch(() => false);
  } catch {
    return Promise.resolve(false);
  }
}
