import '@/lib/model/zod-setup';
import { render } from 'preact';
import { Dashboard, type KnownLists } from '@/components/dashboard/Dashboard';
import { StoreProblem } from '@/components/dashboard/StoreProblem';
import { readFirstScreen, type FirstScreen } from '@/components/items/first-screen';
import { initLanguage, LANGUAGE_KEY, t } from '@/lib/i18n/browser';
import { ItemSchema } from '@/lib/model/item';
import type { LanguageSetting } from '@/lib/model/settings';
import { SourceSchema } from '@/lib/model/source';
import { StoreError } from '@/lib/model/store-error';
import { TagSchema } from '@/lib/model/tag';
import { parseRoute } from '@/lib/reader/route';
import { searchClient } from '@/lib/reader/search-client';
import { VigieReader } from '@/lib/store/reader';

declare global {
  // Set by dashboard-early.js, which starts these reads before this module has loaded.
  var vigieDashboardEarly: Promise<[Record<string, unknown>, { db: IDBDatabase; rows?: unknown[]; sources?: unknown[]; tags?: unknown[] } | undefined]> | undefined;
}

/** The early sources and tags, when all pass the model; else the lists wait for the background's answers. */
function earlyLists(early: { sources?: unknown[]; tags?: unknown[] } | undefined): KnownLists | undefined {
  const sources = early?.sources?.map((source) => SourceSchema.safeParse(source));
  const tags = early?.tags?.map((tag) => TagSchema.safeParse(tag));
  if (!sources?.every((source) => source.success) || !tags?.every((tag) => tag.success)) return undefined;
  return { sources: sources.map((source) => source.data), tags: tags.map((tag) => tag.data) };
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

/** The dashboard reads the store directly, through the reader (reads only); every write goes through the background. */
void (async () => {
  const early = await globalThis.vigieDashboardEarly?.catch(() => undefined);
  const app = document.getElementById('app') as HTMLElement;
  const language = initLanguage(early ? ((early[0][LANGUAGE_KEY] ?? null) as LanguageSetting | null) : undefined);
  // A store that cannot be opened is said in words (with, on a newer one, the export): never a blank page.
  const showProblem = (problem: unknown) =>
    void language.then(() => {
      document.title = t('dashboardTitle');
      render(<StoreProblem problem={problem} />, app);
    });
  // While the upgrade waits for another tab, the page says so; the dashboard replaces it once the store opens.
  const opening = VigieReader.adopt(early?.[1]?.db, { blocked: () => showProblem(new StoreError('store-blocked')) });
  await language;
  let reader: VigieReader;
  try {
    reader = await opening;
  } catch (problem) {
    showProblem(problem);
    return;
  }
  performance.mark('vigie:store-open');
  const route = parseRoute(location.hash);
  const firstScreen = (route.section === 'items' ? earlyScreen(early?.[1]?.rows) : undefined) ?? (await readFirstScreen(reader, route));
  document.title = t('dashboardTitle');
  const search = searchClient(() => new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' }));
  render(<Dashboard reader={reader} search={search} firstScreen={firstScreen} known={earlyLists(early?.[1])} />, app);
})();
