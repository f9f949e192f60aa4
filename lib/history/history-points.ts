import type { Tag } from '../model/tag';
import { documentLabel } from '../monitors/ota-catalog';
import { otaCommitUrl, type HistoryPack, type OtaHistoryChange } from '../packs/history-pack';
import { topCategory, type TimelinePoint } from '../timeline/points';

/**
 * The shipped history as points of the Diagnostic: the curated events (kind `history`) and OTA's recorded
 * changes of Meta's documents (kind `terms`, with what each is worth). Each opens its source: the event's
 * reference, or OTA's commit.
 */

/** The shared category a document's changes fall in: what the document rules. */
const DOCUMENT_CATEGORY: Record<string, string> = {
  'Community Guidelines': 'moderation',
  'Advertising Content Policy': 'publicite',
  'Commercial Terms': 'publicite',
  'Content Monetisation Policy': 'publicite',
  'Developer Terms': 'api-outils',
  'Live Policy': 'video-reels-live',
};

export const HISTORY_POINT_PREFIX = 'history-pack:';

export function historyPoints(pack: HistoryPack, language: 'fr' | 'en', shared: ReadonlyMap<string, Tag>): TimelinePoint[] {
  const colored = (id: string) => {
    const top = topCategory(id, shared);
    return top ? { category: top, categories: [top], ...(shared.get(top)?.color ? { color: shared.get(top)!.color } : {}) } : { categories: [] };
  };
  const events = pack.events.map((event, index): TimelinePoint => {
    const date = `${event.date}T12:00:00Z`;
    return { itemId: `${HISTORY_POINT_PREFIX}event:${index}`, date, time: Date.parse(date), title: event.title[language], summary: event.summary[language], kind: 'history', url: event.url, ...colored(event.category) };
  });
  const changes = pack.ota.changes.map((change, index): TimelinePoint => ({
    itemId: `${HISTORY_POINT_PREFIX}ota:${index}`,
    date: change.date,
    time: Date.parse(change.date),
    title: changeTitle(change, language),
    kind: 'terms',
    significance: change.significance,
    document: `${change.service} — ${documentLabel(change.document, language)}`,
    url: otaCommitUrl(change.sha),
    ...colored(DOCUMENT_CATEGORY[change.document] ?? 'conditions-confidentialite'),
  }));
  return [...events, ...changes].sort((a, b) => a.time - b.time);
}

function changeTitle(change: OtaHistoryChange, language: 'fr' | 'en'): string {
  const name = `${change.service} — ${documentLabel(change.document, language)}`;
  const words = language === 'fr' ? `+${change.added} / −${change.removed} mots` : `+${change.added} / −${change.removed} words`;
  return `${name} (${words})`;
}
