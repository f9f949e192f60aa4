import { HISTORY_SOURCE_ID, type Item } from '@/lib/model/item';
import type { Source } from '@/lib/model/source';
import { CURATED_CATEGORIES } from '@/lib/packs/curated-sources';
import type { VigieReader } from '@/lib/store/reader';

/**
 * The items the Diagnostic timeline may show, read from the store's indexes rather than all 50,000: those of
 * Meta's own sources, of terms and page monitors, the past events added by hand, and whatever a member judged
 * (an impact) or starred. The timeline's own rule then picks among them.
 */
export function loadTimelineItems(reader: Pick<VigieReader, 'timelineItems'>, sources: readonly Source[]): Promise<Item[]> {
  const watched = sources.filter((source) => source.kind === 'page' || source.category === CURATED_CATEGORIES.meta || source.category === CURATED_CATEGORIES.terms);
  return reader.timelineItems([...watched.map((source) => source.id), HISTORY_SOURCE_ID]);
}
