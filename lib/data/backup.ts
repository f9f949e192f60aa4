/**
 * A member's whole Vigie in one JSON file: settings, sources, items, tags, rules, alerts and the rest of the store's meta
 * (what was seen, curated sources deleted). Importing replaces everything, and only a file that passes
 * every check gets that far: an invalid file changes nothing.
 */
import * as z from 'zod/mini';
import { AlertSchema } from '../model/alert';
import { ItemSchema } from '../model/item';
import { RuleSchema } from '../model/rule';
import { DEFAULT_SETTINGS, SettingsSchema } from '../model/settings';
import { IsoDateSchema, SourceSchema } from '../model/source';
import { TagSchema } from '../model/tag';
import { loadSettings } from '../settings/settings';
import { CODE_META, META } from '../store/meta-keys';
import type { VigieStore } from '../store/store';

export const BACKUP_FORMAT = 'vigie-backup';
export const BACKUP_VERSION = 1;

export const BackupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: IsoDateSchema,
  settings: SettingsSchema,
  sources: z.array(SourceSchema),
  items: z.array(ItemSchema),
  tags: z.array(TagSchema),
  /** Absent from backups made before alerts existed: importing one of those keeps the current rules and alerts. */
  rules: z.optional(z.array(RuleSchema)),
  alerts: z.optional(z.array(AlertSchema)),
  /** The store's other meta records, by key; each is checked by its reader, which falls back when invalid. */
  meta: z.optional(z.record(z.string(), z.unknown())),
});
export type Backup = z.infer<typeof BackupSchema>;

/** Why a file was refused, with where in it ("items.12.url: not an http(s) URL"). */
export class BackupError extends Error {
  override name = 'BackupError';
}

export async function makeBackup(store: VigieStore, now = new Date()): Promise<Backup> {
  const { meta, ...content } = await store.exportAll();
  // The hub connection holds this member's token: it never leaves the browser in a file.
  const { [META.settings.name]: _settings, [META.hub.name]: _hub, ...data } = meta;
  // Which version last ran here is this browser's, not the member's data (see CODE_META).
  const rest = Object.fromEntries(Object.entries(data).filter(([key]) => !CODE_META.includes(key)));
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    // As Vigie reads them: completed with defaults.
    settings: await loadSettings(store),
    ...content,
    meta: rest,
  };
}

type Issue = z.core.$ZodIssue;

/**
 * zod/mini ships without its English messages (size): the few cases a hand-edited or foreign file hits
 * are said here. Custom checks (such as "not an http(s) URL") carry their own.
 */
function issueText(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'invalid_value':
      return `expected ${issue.values.map((value) => JSON.stringify(value)).join(' or ')}`;
    case 'invalid_format':
      return `not a valid ${issue.format === 'datetime' ? 'ISO date' : issue.format}`;
    case 'too_small':
      return `too small (minimum ${String(issue.minimum)})`;
    case 'too_big':
      return `too big (maximum ${String(issue.maximum)})`;
    case 'unrecognized_keys':
      return `unknown keys ${issue.keys.join(', ')}`;
    default:
      return issue.message && issue.message !== 'Invalid input' ? issue.message : issue.code.replace(/_/g, ' ');
  }
}

const where = (path: readonly PropertyKey[]) => (path.length > 0 ? path.map(String).join('.') : 'file');

/** Two records with one id (or two sources with one address) would silently become one, or fail to store. */
function firstDuplicate(backup: Backup): string | undefined {
  const checks: [string, { [key: string]: unknown }[], string][] = [
    ['sources', backup.sources, 'id'],
    ['sources', backup.sources, 'url'],
    ['items', backup.items, 'id'],
    ['tags', backup.tags, 'id'],
    ['rules', backup.rules ?? [], 'id'],
    ['alerts', backup.alerts ?? [], 'id'],
  ];
  for (const [list, records, key] of checks) {
    const seen = new Map<unknown, number>();
    for (const [index, record] of records.entries()) {
      const first = seen.get(record[key]);
      if (first !== undefined) return `${list}.${index}.${key}: same as ${list}.${first}.${key}`;
      seen.set(record[key], index);
    }
  }
  return undefined;
}

/** The backup in `text`, checked through and through; a BackupError says where it is wrong. */
export function parseBackup(text: string): Backup {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new BackupError(`not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const head = json as { format?: unknown; version?: unknown } | null;
  if (typeof head !== 'object' || head === null || head.format !== BACKUP_FORMAT) {
    throw new BackupError(`not a Vigie backup (no "format": "${BACKUP_FORMAT}")`);
  }
  if (typeof head.version === 'number' && head.version > BACKUP_VERSION) {
    throw new BackupError(`made by a newer Vigie (version ${head.version}): update Vigie first`);
  }
  // A setting that came after the file was made (the retention, for one) takes its default; a setting
  // that is there and wrong still refuses the file.
  const settings = (json as { settings?: unknown }).settings;
  if (typeof settings === 'object' && settings !== null && !Array.isArray(settings)) (json as { settings: unknown }).settings = { ...DEFAULT_SETTINGS, ...settings };
  const checked = BackupSchema.safeParse(json);
  if (!checked.success) {
    const [first, ...others] = checked.error.issues;
    const more = others.length > 0 ? ` (+${others.length} other problems)` : '';
    throw new BackupError(first ? `${where(first.path)}: ${issueText(first)}${more}` : 'invalid');
  }
  const duplicate = firstDuplicate(checked.data);
  if (duplicate) throw new BackupError(duplicate);
  return checked.data;
}

/** What a backup holds, for the confirmation the member reads before it replaces everything. */
export const backupSummary = (backup: Backup) => ({
  exportedAt: backup.exportedAt,
  sources: backup.sources.length,
  items: backup.items.length,
  tags: backup.tags.length,
  rules: backup.rules?.length,
});

/** Replaces the whole store with the backup, in one transaction. Returns the ids of the items there before. */
export async function restoreBackup(store: VigieStore, backup: Backup): Promise<string[]> {
  const { sources, items, tags, settings, meta = {} } = backup;
  const itemIds = new Set(items.map((item) => item.id));
  const rules = backup.rules ?? (await store.rules.list());
  // An alert whose item is not in the backup would point at nothing.
  const alerts = (backup.alerts ?? (await store.alerts.list(Number.MAX_SAFE_INTEGER))).filter((alert) => itemIds.has(alert.itemId));
  // Restoring keeps this browser's hub connection (a backup carries none).
  const { [META.hub.name]: _ignored, ...restored } = meta;
  const hub = (await store.db.get('meta', META.hub.name))?.value;
  return store.replaceAll({ sources, items, tags, rules, alerts, meta: { ...restored, ...(hub ? { [META.hub.name]: hub } : {}), [META.settings.name]: settings } });
}
