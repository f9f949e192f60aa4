import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { HistoryPackSchema, type HistoryPack } from './history-pack';

/**
 * The history pack as the build writes it (`packs/history.json`): the curated events and OTA's derived
 * history, both checked. Node only: the build and the tests read the two files from the repository.
 */
export function historyPack(root = '.'): HistoryPack {
  const read = (name: string) => JSON.parse(readFileSync(resolve(root, 'lib/history', name), 'utf8'));
  return HistoryPackSchema.parse({ format: 'vigie-history', version: 1, events: read('curated-events.json'), ota: read('ota-changes.json') });
}

export const historyPackJson = (): string => `${JSON.stringify(historyPack())}\n`;
