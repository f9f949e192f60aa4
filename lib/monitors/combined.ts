import { FeedError } from '../model/feed-error';
import type { MonitorPage } from '../model/source';
import { checkPage, type FetchedPage } from './check';
import type { ExtractedPage } from './extract';

/**
 * A document made of several pages (OTA's `combine`): each page read in order with its own parts, the texts
 * joined. One page failing fails the whole, naming that page (its position and `where`, by default its
 * address): the other pages' text alone would read as the failed page's words all deleted.
 */
export async function readCombined(
  pages: readonly MonitorPage[],
  fetchPage: (page: MonitorPage, index: number) => Promise<FetchedPage>,
  where: (page: MonitorPage, index: number) => string = (page) => page.url,
): Promise<ExtractedPage> {
  const texts: string[] = [];
  let title = '';
  for (const [index, page] of pages.entries()) {
    try {
      const read = checkPage(await fetchPage(page, index), page);
      texts.push(read.text);
      title ||= read.title;
    } catch (error) {
      const info = error instanceof FeedError ? error : new FeedError('malformed', error instanceof Error ? error.message : String(error));
      throw new FeedError(info.code, info.detail, info.reason, `${index + 1}/${pages.length} ${where(page, index)}`);
    }
  }
  return { text: texts.join('\n'), title };
}
