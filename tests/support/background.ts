import { readFile } from 'node:fs/promises';
import { startBackground, type Background } from '../../lib/background/start';
import { rawExport } from '../../lib/data/raw-export';
import { nodeTranslate } from '../../lib/i18n/node';
import { DEFAULT_RULES, DEFAULT_RULES_VERSION } from '../../lib/packs/default-rules';
import { RULE_PACK_PATH, rulePackJson } from '../../lib/packs/rule-pack';
import { SOURCE_PACK_PATH } from '../../lib/packs/source-pack';
import { sourcePackJson } from '../../lib/packs/source-pack-build';
import { VigieStore } from '../../lib/store/store';

/**
 * The background as entrypoints/background.ts starts it, on the fake IndexedDB's database `name`, in a French
 * browser, running `version`. Tests stub `fetch` so that nothing leaves the machine.
 */
export function startTestBackground(name: string, version = '0.2.0'): Background {
  return startBackground({
    openStore: (events) => VigieStore.open(name, events),
    copyStore: async () => JSON.stringify(await rawExport(name)),
    broadcast: () => undefined,
    action: { setBadgeBackgroundColor: async () => undefined, setBadgeText: async () => undefined },
    session: { set: async () => undefined },
    notifications: { create: async () => undefined },
    iconUrl: '/icon/128.png',
    readText: async (path) =>
      path === SOURCE_PACK_PATH ? sourcePackJson() : path === RULE_PACK_PATH ? rulePackJson(DEFAULT_RULES_VERSION, DEFAULT_RULES) : readFile(`public${path}`, 'utf8'),
    language: { browserLanguage: 'fr-FR', browserTranslate: nodeTranslate('fr') },
    canRead: async () => false,
    version,
    settingsChanged: async () => undefined,
  });
}
