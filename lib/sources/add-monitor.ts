import type { Settings } from '../model/settings';
import type { MonitorConfig, PartSelector, Source } from '../model/source';
import { DEFAULT_INTERVAL_MINUTES, emptyHealth } from '../model/source';
import { refreshOne } from '../refresh/refresh';
import type { VigieStore } from '../store/store';

export interface NewMonitor {
  url: string;
  title?: string;
  category?: string;
  select: PartSelector[];
  remove: PartSelector[];
  replace?: MonitorConfig['replace'];
  pages?: MonitorConfig['pages'];
  unappliedFilters?: string[];
  intervalMinutes?: number;
  retention?: number;
}

/** Page monitors are checked less often than feeds: their owners rarely change them more than daily. */
const MONITOR_INTERVAL_MINUTES = 360;
const MONITOR_RETENTION = 20;

/**
 * Adds a page monitor (a source of kind `page`) and checks it once: its text then is the baseline that later
 * checks compare with. A page that cannot be read is added anyway, with its health saying why (a page that
 * asks for a login today may not tomorrow), so the member sees it rather than a refusal.
 */
export async function addMonitor(input: NewMonitor, deps: { store: VigieStore; settings: Settings; canRead?: (origin: string) => Promise<boolean>; fetchImpl?: typeof fetch }): Promise<Source> {
  const existing = await deps.store.findSourceByUrl(input.url);
  if (existing) return existing;
  const source: Source = {
    id: `page-${crypto.randomUUID()}`,
    url: input.url,
    kind: 'page',
    title: input.title?.trim() || new URL(input.url).hostname,
    ...(input.category?.trim() ? { category: input.category.trim() } : {}),
    intervalMinutes: input.intervalMinutes ?? Math.max(MONITOR_INTERVAL_MINUTES, DEFAULT_INTERVAL_MINUTES),
    enabled: true,
    origin: 'user',
    added: new Date().toISOString(),
    health: emptyHealth(),
    monitor: {
      select: input.select,
      remove: input.remove,
      ...(input.replace?.length ? { replace: input.replace } : {}),
      ...(input.pages && input.pages.length > 1 ? { pages: input.pages } : {}),
      ...(input.unappliedFilters?.length ? { unappliedFilters: input.unappliedFilters } : {}),
      retention: input.retention ?? MONITOR_RETENTION,
    },
  };
  await deps.store.putSources([source]);
  await refreshOne(source, { store: deps.store, settings: deps.settings, canRead: deps.canRead, fetchImpl: deps.fetchImpl });
  return (await deps.store.getSource(source.id)) ?? source;
}
