import * as z from 'zod/mini';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../model/settings';
import type { VigieStore } from '../store/store';

/** The meta record settings live in (a backup carries them apart from the rest of meta). */
export const SETTINGS_KEY = 'settings';

/** Settings as stored, completed with defaults; a stored value that no longer validates falls back to them. */
export async function loadSettings(store: VigieStore): Promise<Settings> {
  const stored = await store.getMeta(SETTINGS_KEY, z.record(z.string(), z.unknown()));
  const parsed = SettingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...stored });
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export async function updateSettings(store: VigieStore, patch: Partial<Settings>): Promise<Settings> {
  const next = SettingsSchema.parse({ ...(await loadSettings(store)), ...patch });
  await store.setMeta(SETTINGS_KEY, next);
  return next;
}
