import * as z from 'zod/mini';
import { DEFAULT_INTERVAL_MINUTES, MIN_INTERVAL_MINUTES } from './source';

/** The interface language: the browser's ("auto"), or French or English whatever the browser says. */
export const LanguageSettingSchema = z.enum(['auto', 'fr', 'en']);
export type LanguageSetting = z.infer<typeof LanguageSettingSchema>;

/** "HH:MM", 24-hour. */
const ClockSchema = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/));

/** No desktop notification between `start` and `end` (it may span midnight: 20:00 → 08:00). */
export const QuietHoursSchema = z.object({ enabled: z.boolean(), start: ClockSchema, end: ClockSchema });
export type QuietHours = z.infer<typeof QuietHoursSchema>;

/**
 * How long items are kept, in months, as the member chose it in Paramètres; `null` is « toujours » (never
 * pruned). What the member worked on is kept whatever this says (lib/store/retention.ts).
 */
export const RETENTION_CHOICES = [3, 6, 12, 24, null] as const;
export const DEFAULT_RETENTION_MONTHS = 12;
export const RetentionMonthsSchema = z.nullable(z.int().check(z.gte(1), z.lte(120)));

export const SettingsSchema = z.object({
  language: LanguageSettingSchema,
  defaultIntervalMinutes: z.int().check(z.gte(MIN_INTERVAL_MINUTES)),
  fetchTimeoutSeconds: z.number().check(z.gte(1), z.lte(300)),
  maxResponseMegabytes: z.number().check(z.gt(0), z.lte(100)),
  /** How many sources are fetched at once during a refresh. */
  concurrency: z.int().check(z.gte(1), z.lte(16)),
  /** Desktop notifications for the rules that ask for them: the global switch. */
  notifications: z.boolean(),
  quietHours: QuietHoursSchema,
  /** A notification when a colleague changes a fiche conseil (the navigation marks it either way). */
  ficheNotifications: z.boolean(),
  /** Items older than this many months are removed, unless the member worked on them; `null`: never. */
  retentionMonths: RetentionMonthsSchema,
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  language: 'auto',
  defaultIntervalMinutes: DEFAULT_INTERVAL_MINUTES,
  fetchTimeoutSeconds: 20,
  maxResponseMegabytes: 10,
  concurrency: 6,
  notifications: true,
  quietHours: { enabled: false, start: '20:00', end: '08:00' },
  ficheNotifications: false,
  retentionMonths: DEFAULT_RETENTION_MONTHS,
};
