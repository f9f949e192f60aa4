import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n/browser';
import { StoreError } from '@/lib/model/store-error';
import { BackupSection } from '../settings/BackupSection';
import { errorText } from '../ui/error-text';
import { StatusLine, type Said } from '../ui/StatusLine';

/**
 * The dashboard when it cannot open the store, whatever section its address names: why, in words (a newer
 * Vigie made the store, an upgrade waits for another tab), and on a newer store Paramètres' export, which
 * copies the store as it is. Nothing here writes to it.
 */
export function StoreProblem({ problem }: { problem: unknown }) {
  const [said, say] = useState<Said>();
  const newer = problem instanceof StoreError && problem.code === 'store-newer';
  return (
    <main class="admin-view">
      <header class="admin-view__header">
        <h1>{t('dashboardTitle')}</h1>
        <StatusLine said={said} />
      </header>
      <p class="admin-status admin-status--error" role="alert">
        {errorText(problem)}
      </p>
      {newer && <BackupSection say={say} onSettings={() => undefined} storeNewer />}
    </main>
  );
}
