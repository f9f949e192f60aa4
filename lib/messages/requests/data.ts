import * as z from 'zod/mini';
import { SettingsSchema } from '../../model/settings';
import { IsoDateSchema } from '../../model/source';
import { Empty } from './core';

/** A member's whole Vigie as one JSON file (see lib/data/backup.ts), and starting over. */
export const BackupSummarySchema = z.object({
  exportedAt: IsoDateSchema,
  sources: z.number(),
  items: z.number(),
  tags: z.number(),
});

/** The last pruning of old items: when, and what it removed. */
export const PruneReportSchema = z.object({ at: IsoDateSchema, items: z.number(), alerts: z.number() });

/** What the store holds, for Paramètres: the browser's estimate of the space used, and records per kind. */
export const StorageUsageSchema = z.object({
  /** Bytes, as `navigator.storage.estimate()` says them; absent where the browser does not tell. */
  usage: z.optional(z.number()),
  quota: z.optional(z.number()),
  counts: z.object({
    items: z.number(),
    clips: z.number(),
    alerts: z.number(),
    sources: z.number(),
    tags: z.number(),
    rules: z.number(),
    versions: z.number(),
    shares: z.number(),
    outbox: z.number(),
  }),
  lastPrune: z.optional(PruneReportSchema),
});
export type StorageUsage = z.infer<typeof StorageUsageSchema>;

export const DATA_REQUESTS = {
  /** The backup file's text (JSON). */
  exportData: { params: Empty, result: z.object({ text: z.string() }) },
  /** Checks a file without changing anything: what it holds, or why it is refused. */
  checkBackup: { params: z.object({ text: z.string() }), result: BackupSummarySchema },
  /** Replaces everything with the file's content, in one step; an invalid file changes nothing. */
  importData: { params: z.object({ text: z.string() }), result: z.object({ imported: BackupSummarySchema, settings: SettingsSchema }) },
  /** Erases items, sources, tags and settings, then puts back the shared taxonomy and the "Veille Meta" pack. */
  eraseAll: { params: Empty, result: z.object({ sources: z.number(), tags: z.number(), settings: SettingsSchema }) },
  /** The space used and the records per kind, with the last pruning. */
  storageUsage: { params: Empty, result: StorageUsageSchema },
  /** Removes now the old items the retention lets go (as the daily run does); answers with what it removed. */
  pruneNow: { params: Empty, result: z.object({ lastPrune: z.optional(PruneReportSchema) }) },
} as const;
