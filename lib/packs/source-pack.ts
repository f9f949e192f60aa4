import * as z from 'zod/mini';
import { SourceSchema, type Source } from '../model/source';
import { TagSchema, type Tag } from '../model/tag';

/**
 * What every member starts with, as the extension ships it: the shared taxonomy, the curated sources and
 * Meta's page monitors, in a JSON file beside the background (written at build time by source-pack-build.ts), read
 * only when the store lacks a newer pack, so that the background script does not carry data it reads once.
 * The same shape a collective's hub will serve its pack in. This file knows the file, not the data.
 */
export const SOURCE_PACK_PATH = '/packs/curated-sources.json';

export const SourcePackSchema = z.object({ version: z.int().check(z.gte(1)), tags: z.array(TagSchema), sources: z.array(SourceSchema) });
export interface SourcePack {
  version: number;
  tags: Tag[];
  sources: Source[];
}

/** Reads and checks a pack; an invalid one is refused as a whole (nothing half-seeded). */
export async function readSourcePack(text: () => Promise<string>): Promise<SourcePack> {
  return SourcePackSchema.parse(JSON.parse(await text()));
}
