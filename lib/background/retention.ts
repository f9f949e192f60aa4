import { pruneOldItems, type PruneReport } from '../retention/prune';
import { loadSettings } from '../settings/settings';
import type { VigieStore } from '../store/store';

/**
 * The background's pruning (lib/retention), one run at a time: the daily alarm, a change of the retention in
 * Paramètres and the member's « Nettoyer maintenant » share the run in progress rather than start another.
 * Open pages are told which items went, as for any other removal.
 */
export type Prune = () => Promise<PruneReport | undefined>;

export function retentionRunner(deps: { store: VigieStore; itemsChanged: (ids?: string[]) => Promise<void> }): Prune {
  let running: Promise<PruneReport | undefined> | undefined;
  const run = async () => {
    const { retentionMonths } = await loadSettings(deps.store);
    const report = await pruneOldItems(deps.store, retentionMonths);
    if (report && report.ids.length > 0) await deps.itemsChanged(report.ids);
    return report;
  };
  return () =>
    (running ??= run().finally(() => {
      running = undefined;
    }));
}
