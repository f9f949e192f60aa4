import type { Tag } from '../model/tag';
import type { VigieReader } from '../store/reader';
import { SearchIndex, toSearchDoc } from './search-index';
import { loadSearch, saveSearch, type SavedSearch } from './search-snapshot';

/** What the search reads of the store: the reader's reads, and the journal it may forget once saved. */
export type SearchReader = Pick<VigieReader, 'listTags' | 'countItems' | 'pages' | 'getItems' | 'idsWithTags' | 'searchChangesAfter' | 'lastSearchChange' | 'forgetSearchChanges'>;

export interface SearchKeeping {
  load: () => Promise<SavedSearch | undefined>;
  save: (saved: SavedSearch) => Promise<boolean>;
  /** While the index is built from the items (no saved index, or one that could not be used). */
  progress?: (indexed: number, total: number) => void;
}

const labelsOf = (tags: readonly Tag[]): Record<string, string[]> => Object.fromEntries(tags.map((tag) => [tag.id, [tag.label.fr, tag.label.en]]));

/** Items read back per transaction while catching up. */
const CATCH_UP_BATCH = 500;

/**
 * The dashboard's search index, kept up to date with the store: restored from where it was saved and
 * brought up to date from the store's search journal (what changed while no dashboard was open), or built
 * from every item when there is no saved index. Every later change reaches it the same way, through the
 * journal: a dashboard that missed a message still catches up at the next one.
 */
export class LiveSearch {
  private constructor(
    private readonly reader: SearchReader,
    private readonly keeping: SearchKeeping,
    private index: SearchIndex,
    /** The last journal entry the index holds. */
    private journal: number,
    private labels: Record<string, string[]>,
    /** How the index came to be: the figure the dashboard reports. */
    readonly origin: 'restored' | 'built',
  ) {}

  /** Whether there are changes the saved index lacks. */
  private unsaved = false;

  static async open(reader: SearchReader, keeping: SearchKeeping): Promise<LiveSearch> {
    const saved = await keeping.load();
    const restored = saved && SearchIndex.restore(saved.snapshot);
    const live = restored ? new LiveSearch(reader, keeping, restored, saved.journal, saved.labels, 'restored') : await LiveSearch.build(reader, keeping);
    if (restored && saved.repacked) live.unsaved = true;
    await live.catchUp();
    return live;
  }

  private static async build(reader: SearchReader, keeping: SearchKeeping): Promise<LiveSearch> {
    // The journal's end is read first: a change written while the items are read is read again after.
    const journal = await reader.lastSearchChange();
    const labels = labelsOf(await reader.listTags());
    const index = new SearchIndex();
    const tagLabels = (id: string) => labels[id] ?? [];
    const total = await reader.countItems();
    let indexed = 0;
    // Pages in short reads, so that the background's writes are not held up; an item that no longer passes
    // the model is left out of the search by the reader, not allowed to stop the indexing.
    for await (const items of reader.pages(2000)) {
      for (const item of items) index.put(toSearchDoc(item, tagLabels));
      indexed += items.length;
      keeping.progress?.(indexed, total);
    }
    const live = new LiveSearch(reader, keeping, index, journal, labels, 'built');
    live.unsaved = true;
    return live;
  }

  get size(): number {
    return this.index.size;
  }

  search(query: string): string[] {
    return this.index.search(query);
  }

  /**
   * Reads the journal after what the index holds and indexes those items again (or removes those gone);
   * a tag renamed since re-indexes its items. Returns whether anything changed.
   */
  async catchUp(): Promise<boolean> {
    const changes = await this.reader.searchChangesAfter(this.journal);
    const last = changes.at(-1)?.seq;
    if (changes.some((change) => change.reset)) {
      // The store was replaced as a whole: the index is built again, then catches up from there.
      const rebuilt = await LiveSearch.build(this.reader, this.keeping);
      this.index = rebuilt.index;
      this.journal = Math.max(rebuilt.journal, last ?? 0);
      this.labels = rebuilt.labels;
      this.unsaved = true;
      await this.catchUp();
      return true;
    }
    const ids = new Set(changes.flatMap((change) => change.ids ?? []));
    const labels = labelsOf(await this.reader.listTags());
    const renamed = Object.keys({ ...labels, ...this.labels }).filter((tag) => JSON.stringify(labels[tag]) !== JSON.stringify(this.labels[tag]));
    if (renamed.length > 0) for (const id of await this.reader.idsWithTags(renamed)) ids.add(id);
    this.labels = labels;
    const tagLabels = (id: string) => labels[id] ?? [];
    const all = [...ids];
    for (let start = 0; start < all.length; start += CATCH_UP_BATCH) {
      const batch = all.slice(start, start + CATCH_UP_BATCH);
      const items = await this.reader.getItems(batch);
      for (const item of items) this.index.put(toSearchDoc(item, tagLabels));
      const found = new Set(items.map((item) => item.id));
      this.index.removeMany(batch.filter((id) => !found.has(id)));
    }
    if (last !== undefined) this.journal = last;
    const changed = all.length > 0 || last !== undefined;
    if (changed) this.unsaved = true;
    return changed;
  }

  /** Saves the index if it holds changes not yet saved, then lets the store forget the journal it holds. */
  async save(): Promise<boolean> {
    if (!this.unsaved) return false;
    this.unsaved = false;
    const journal = this.journal;
    const saved = await this.keeping.save({ snapshot: this.index.snapshot(), journal, labels: this.labels });
    if (saved && journal > 0) await this.reader.forgetSearchChanges(journal);
    return saved;
  }
}

/** The keeping of the dashboard: in the browser's IndexedDB, beside Vigie's own database. */
export const keepInIndexedDb = (vigieDb?: string, progress?: SearchKeeping['progress']): SearchKeeping => ({
  load: () => loadSearch(vigieDb),
  save: (saved) => saveSearch(saved, vigieDb),
  progress,
});
