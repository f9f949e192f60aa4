import type { LoadedExtension } from './extension';

/**
 * What a member owns, read through the backup export (the same file "Exporter toutes les données" gives):
 * settings, items (with their read and starred state, tags, note, impact, status), tags, rules, alerts,
 * the store's meta, and each source's settings. For "nothing changed" assertions.
 *
 * Left out, on purpose:
 * - each source's `health` (last fetch, last success, failures in a row, last error, HTTP validators): the
 *   background writes it on its own schedule, whatever the member does, and a failing curated source changes
 *   it at every attempt;
 * - `exportedAt`, the moment of the export itself.
 */
export async function ownedState(vigie: LoadedExtension): Promise<Record<string, unknown>> {
  await vigie.settle();
  const exported = await vigie.request('exportData');
  if (!exported.ok) throw new Error(`exportData refused: ${exported.message}`);
  const { exportedAt: _when, sources, ...rest } = JSON.parse(exported.result.text);
  return { ...rest, sources: sources.map(({ health: _health, ...settings }: { health: unknown }) => settings) };
}
