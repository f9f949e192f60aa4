import { noteVersion } from '../about/whats-new';
import { META } from '../store/meta-keys';
import type { VigieStore } from '../store/store';

/**
 * At each start, before the packs are seeded: the store notes which version opens it, and keeps the update
 * « Quoi de neuf » has to show (lib/about/whats-new.ts). A store that already had sources or a seeded pack was
 * used by an earlier build; a fresh one has nothing to catch up on.
 */
export async function noteRunningVersion(store: VigieStore, running: string): Promise<void> {
  // Every wake of the service worker comes here before answering: the same version as last time is one read.
  const last = await store.getMeta(META.lastVersion);
  if (last === running) return;
  const [pending, pack, sources] = await Promise.all([store.getMeta(META.whatsNew), store.getMeta(META.curatedPackVersion), store.listSources()]);
  const note = noteVersion(running, last, pending, pack !== undefined || sources.length > 0);
  if (note.lastVersion !== last) await store.setMeta(META.lastVersion, note.lastVersion);
  if (note.pending) await store.setMeta(META.whatsNew, note.pending);
  else if (pending) await store.deleteMeta(META.whatsNew);
}
