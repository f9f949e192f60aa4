import { CURATED_PACK, curatedMonitor, curatedSource } from './curated-sources';
import { CURATED_PACK_VERSION } from './curated-sources-version';
import { DEFAULT_MONITORS } from './default-monitors';
import type { SourcePack } from './source-pack';
import { SHARED_TAXONOMY } from './taxonomy';

/**
 * The curated pack from the code that defines it: the build writes it out as the JSON file the background
 * reads (see source-pack.ts); Node tests use it as is.
 */
export function curatedSourcePack(): SourcePack {
  const shipped = new Date(0);
  return {
    version: CURATED_PACK_VERSION,
    tags: [...SHARED_TAXONOMY],
    sources: [...CURATED_PACK.map((entry) => curatedSource(entry, shipped)), ...DEFAULT_MONITORS.map((monitor) => curatedMonitor(monitor, shipped))],
  };
}

export const sourcePackJson = (): string => `${JSON.stringify(curatedSourcePack(), null, 1)}\n`;
