import '@/lib/model/zod-setup';
import { render } from 'preact';
import { Dashboard } from '@/components/dashboard/Dashboard';
import { readFirstScreen } from '@/components/dashboard/first-screen';
import { parseRoute } from '@/lib/reader/route';
import { initLanguage, t } from '@/lib/i18n/browser';
import { searchClient } from '@/lib/reader/search-client';
import { openVigieDb } from '@/lib/store/store';

/** The dashboard reads the store directly for its lists (reads only); every write goes through the background. */
void (async () => {
  const [db] = await Promise.all([openVigieDb(), initLanguage()]);
  performance.mark('vigie:store-open');
  const firstScreen = await readFirstScreen(db, parseRoute(location.hash));
  document.title = t('dashboardTitle');
  const search = searchClient(() => new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' }));
  render(<Dashboard db={db} search={search} firstScreen={firstScreen} />, document.getElementById('app') as HTMLElement);
})();
