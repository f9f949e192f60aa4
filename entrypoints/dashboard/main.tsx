import '@/lib/model/zod-setup';
import { render } from 'preact';
import { Dashboard } from '@/components/dashboard/Dashboard';
import { readFirstScreen, type FirstScreen } from '@/components/dashboard/first-screen';
import { ItemSchema } from '@/lib/model/item';
import type { LanguageSetting } from '@/lib/model/settings';
import { parseRoute } from '@/lib/reader/route';
import { initLanguage, LANGUAGE_KEY, t } from '@/lib/i18n/browser';
import { searchClient } from '@/lib/reader/search-client';
import { openVigieDb } from '@/lib/store/store';

declare global {
  // Set by dashboard-early.js, which starts these reads before this module has loaded.
  var vigieDashboardEarly: Promise<[Record<string, unknown>, unknown[] | undefined]> | undefined;
}

/** The early rows, when they are there and all pass the model; else the page reads them itself. */
function earlyScreen(rows: unknown[] | undefined): FirstScreen | undefined {
  if (!rows || rows.length === 0) return undefined;
  const items = rows.flatMap((row) => {
    const item = ItemSchema.safeParse(row);
    return item.success ? [item.data] : [];
  });
  return items.length === rows.length ? { ids: items.map((item) => item.id), items } : undefined;
}

/** The dashboard reads the store directly for its lists (reads only); every write goes through the background. */
void (async () => {
  const [early, db] = await Promise.all([globalThis.vigieDashboardEarly?.catch(() => undefined), openVigieDb()]);
  await initLanguage(early ? ((early[0][LANGUAGE_KEY] ?? null) as LanguageSetting | null) : undefined);
  performance.mark('vigie:store-open');
  const route = parseRoute(location.hash);
  const firstScreen = (route.section === 'items' ? earlyScreen(early?.[1]) : undefined) ?? (await readFirstScreen(db, route));
  document.title = t('dashboardTitle');
  const search = searchClient(() => new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' }));
  render(<Dashboard db={db} search={search} firstScreen={firstScreen} />, document.getElementById('app') as HTMLElement);
})();
