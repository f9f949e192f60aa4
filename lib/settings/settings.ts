import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../model/settings';
import { META } from '../store/meta-keys';
import type { VigieStore } from '../store/store';

/** Settings as stored, completed with defaults; a stored value that no longer validates falls back to them. */
export async function loadSettings(store: VigieStore): Promise<Settings> {
  const stored = await store.getMeta(META.settings);
  const parsed = SettingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...stored });
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export async function updateSettings(store: VigieStore, patch: Partial<Settings>): Promise<Settings> {
  const next = SettingsSchema.parse({ ...(await loadSettings(store)), ...patch });
  await store.setMeta(META.settings, next);
  return next;
}
