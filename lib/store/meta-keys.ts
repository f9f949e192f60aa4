import * as z from 'zod/mini';
import { FichesAnswerSchema } from '../model/fiche';
import { HubConnectionSchema } from '../model/hub-connection';
import { IsoDateSchema } from '../model/source';

/**
 * Every record of the store's `meta` object store, in one place: its name as stored (never renamed: stores
 * from older builds hold them) and the schema a read checks it against. A value that no longer passes its
 * schema reads as absent, and its reader falls back to its default.
 */
export interface MetaKey<T> {
  readonly name: string;
  /** The stored value, checked; undefined when absent or no longer valid. */
  readonly read: (stored: unknown) => T | undefined;
}

function key<S extends z.ZodMiniType>(name: string, schema: S): MetaKey<z.infer<S>> {
  return {
    name,
    read: (stored) => {
      const checked = schema.safeParse(stored);
      return checked.success ? checked.data : undefined;
    },
  };
}
const ids = z.array(z.string());

export const META = {
  /** The member's Paramètres, completed with the defaults when read (lib/settings). */
  settings: key('settings', z.record(z.string(), z.unknown())),
  /** This member's link to the COPIL hub (never in backups). */
  hub: key('hub', HubConnectionSchema),
  /** What arrived before this moment is no longer "new" (the popup's count). */
  seenUntil: key('seenUntil', IsoDateSchema),
  /** The version of the shipped sources pack the store has, and the curated sources the member deleted. */
  curatedPackVersion: key('curatedPackVersion', z.number()),
  removedCurated: key('removedCurated', ids),
  /** The version of the shipped rules the store has, and the pack rules (shipped or the COPIL's) the member deleted. */
  defaultRulesVersion: key('defaultRulesVersion', z.number()),
  removedRules: key('removedDefaultRules', ids),
  /** The pack sources « Mettre en pause » turned off, which « Reprendre » turns on again (and only those). */
  packPaused: key('packPaused', ids),
  /** The last pruning of old items (lib/store/retention.ts): when it ran and what it removed, for Paramètres. */
  lastPrune: key('lastPrune', z.object({ at: IsoDateSchema, items: z.number(), alerts: z.number() })),
  /** The version of Vigie that last opened this store, and the update « Quoi de neuf » has still to show (lib/about/whats-new.ts). */
  lastVersion: key('lastVersion', z.string()),
  whatsNew: key('whatsNew', z.object({ from: z.string(), to: z.string() })),
  /**
   * The hub's fiches conseils as last read (lib/hub/fiches.ts), at the change feed's number `seq`, and the
   * version of each this member has seen (a fiche past it is marked changed).
   */
  fiches: key('hubFiches', z.object({ seq: z.number(), answer: FichesAnswerSchema, seen: z.record(z.string(), z.number()), fetched: IsoDateSchema })),
} as const;

/**
 * Meta records that are not the member's own data: about the code that opened the store, or the hub's copy
 * of the fiches (read again from the hub). A backup never carries them, and restoring or erasing keeps them
 * (an erased store is still the one this version opened).
 */
export const CODE_META: readonly string[] = [META.lastVersion.name, META.whatsNew.name, META.fiches.name];
