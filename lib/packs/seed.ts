import type { MetaKey } from '../store/meta-keys';
import type { VigieStore } from '../store/store';

/**
 * One algorithm for every pack a member receives: the sources and the rules the extension ships, and the rules
 * the COPIL's hub publishes. What the store lacks is added; what the member deleted stays deleted (its id is
 * remembered under `removedKey`); what they edited keeps their edit (same id: it is there, so not re-added).
 */
export interface PackEntries<Entry> {
  /** Where the ids the member deleted are kept: no pack brings them back. */
  removedKey: MetaKey<string[]>;
  /** The keys that say an entry is already in the store (its id; a source's address too). */
  keys(entry: Entry): string[];
  /** The keys of what the store has now. */
  present(): Promise<Iterable<string>>;
  put(entries: Entry[]): Promise<void>;
}

/** Adds the entries the store lacks and the member did not delete; returns them. */
export async function addMissing<Entry>(store: VigieStore, entries: readonly Entry[], pack: PackEntries<Entry>): Promise<Entry[]> {
  const removed = new Set(await removedIds(store, pack.removedKey));
  const present = new Set(await pack.present());
  const missing = entries.filter((entry) => {
    const keys = pack.keys(entry);
    return !removed.has(keys[0]!) && !keys.some((key) => present.has(key));
  });
  await pack.put(missing);
  return missing;
}

/** A pack shipped with the extension: read only when the store's copy is older, its version recorded after. */
export interface ShippedPack<Entry, Pack extends { version: number }> extends PackEntries<Entry> {
  /** Where the version the store has is kept. */
  versionKey: MetaKey<number>;
  /** The version this build ships: compared before the pack file is read. */
  shipped: number;
  load(): Promise<Pack>;
  entries(pack: Pack): readonly Entry[];
  /** What the pack does besides adding, given the version the store had (retiring, rewriting the taxonomy). */
  prepare?(pack: Pack, installed: number): Promise<void>;
}

export async function seedShippedPack<Entry, Pack extends { version: number }>(store: VigieStore, shipped: ShippedPack<Entry, Pack>): Promise<Entry[]> {
  const installed = (await store.getMeta(shipped.versionKey)) ?? 0;
  if (installed >= shipped.shipped) return [];
  const pack = await shipped.load();
  await shipped.prepare?.(pack, installed);
  const added = await addMissing(store, shipped.entries(pack), shipped);
  await store.setMeta(shipped.versionKey, pack.version);
  return added;
}

const removedIds = async (store: VigieStore, removedKey: MetaKey<string[]>) => (await store.getMeta(removedKey)) ?? [];

/** Remembers that the member deleted a pack's entry, so that no pack update restores it. */
export async function rememberRemoved(store: VigieStore, removedKey: MetaKey<string[]>, id: string): Promise<void> {
  const removed = await removedIds(store, removedKey);
  if (!removed.includes(id)) await store.setMeta(removedKey, [...removed, id]);
}
