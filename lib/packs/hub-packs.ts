import { hubText } from '../hub/client';
import type { HubConnection } from '../model/hub-connection';
import type { Settings } from '../model/settings';
import { importSources } from '../sources/import-sources';
import type { VigieStore } from '../store/store';
import { parseOpml } from './opml';
import { RulePackSchema } from './rule-pack';
import { addHubRules } from './seed-rules';

/**
 * The COPIL's packs, when the hub says their version moved: its sources arrive as an OPML import (origin
 * "hub", an address already followed is skipped), its rules by the same algorithm as the shipped rules.
 * Nothing of the member's is overwritten. Returns the pack versions the store now has.
 */
export async function applyHubPacks(store: VigieStore, connection: HubConnection, versions: HubConnection['packs'], settings: Settings): Promise<HubConnection['packs']> {
  const packs = { ...connection.packs };
  if (versions.sources > packs.sources) {
    const opml = await hubText(connection.url, connection.token, '/api/packs/sources');
    await importSources(store, await parseOpml(opml), settings, new Date(), 'hub');
    packs.sources = versions.sources;
  }
  if (versions.rules > packs.rules) {
    const pack = RulePackSchema.parse(JSON.parse(await hubText(connection.url, connection.token, '/api/packs/rules')));
    await addHubRules(store, pack);
    packs.rules = versions.rules;
  }
  return packs;
}
