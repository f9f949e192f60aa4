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

export const DATA_REQUESTS = {
  /** The backup file's text (JSON). */
  exportData: { params: Empty, result: z.object({ text: z.string() }) },
  /** Checks a file without changing anything: what it holds, or why it is refused. */
  checkBackup: { params: z.object({ text: z.string() }), result: BackupSummarySchema },
  /** Replaces everything with the file's content, in one step; an invalid file changes nothing. */
  importData: { params: z.object({ text: z.string() }), result: z.object({ imported: BackupSummarySchema, settings: SettingsSchema }) },
  /** Erases items, sources, tags and settings, then puts back the shared taxonomy and the "Veille Meta" pack. */
  eraseAll: { params: Empty, result: z.object({ sources: z.number(), tags: z.number(), settings: SettingsSchema }) },
} as const;
