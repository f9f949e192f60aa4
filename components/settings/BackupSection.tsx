import { useState } from 'preact/hooks';
import { errorText } from '@/components/ui/error-text';
import { t, uiLanguage } from '@/lib/i18n/browser';
import { fullDate } from '@/lib/i18n/dates';
import { request } from '@/lib/messages/client';
import type { Result } from '@/lib/messages/protocol';
import type { Settings } from '@/lib/model/settings';
import { formatNumber } from '../ui/count';
import { Dialog } from '../ui/Dialog';
import { FileButton } from '../ui/FileButton';
import { saveFile, today } from '../ui/files';
import type { Said } from '../ui/StatusLine';

type Summary = Result<'checkBackup'>;


/** "Sources : 12 · Éléments : 3 400 · Étiquettes : 25": counts without plural agreements to get wrong. */
export const contentText = (summary: { sources: number; items: number; tags?: number }) =>
  [
    t('countSources', [formatNumber(summary.sources)]),
    t('countItems', [formatNumber(summary.items)]),
    ...(summary.tags === undefined ? [] : [t('countTags', [formatNumber(summary.tags)])]),
  ].join(' · ');

/**
 * All of Vigie's data as one JSON file, and back. The file is checked before the member is asked anything:
 * a refused file changes nothing and says why; an accepted one replaces everything, after confirmation.
 * On a store a newer Vigie made (`storeNewer`), only the export is offered: the background then copies the
 * store as it is (lib/data/raw-export.ts), and nothing may be imported on top of it.
 */
export function BackupSection({ say, onSettings, storeNewer = false }: { say: (said: Said) => void; onSettings: (settings: Settings) => void; storeNewer?: boolean }) {
  const [pending, setPending] = useState<{ name: string; text: string; summary: Summary }>();

  const exportData = async () => {
    try {
      const { text } = await request('exportData', {});
      const name = `vigie-sauvegarde-${today()}.json`;
      saveFile(name, text, 'application/json');
      say({ kind: 'ok', text: t('backupExported', [name]) });
    } catch (error) {
      say({ kind: 'error', text: errorText(error) });
    }
  };

  const check = async (file: { name: string; text: string }) => {
    say({ kind: 'info', text: t('backupChecking', [file.name]) });
    try {
      const summary = await request('checkBackup', { text: file.text });
      say({ kind: 'info', text: t('backupChecked', [file.name]) });
      setPending({ ...file, summary });
    } catch (error) {
      say({ kind: 'error', text: errorText(error) });
    }
  };

  const replace = async () => {
    if (!pending) return;
    setPending(undefined);
    say({ kind: 'info', text: t('backupImporting') });
    try {
      const { imported, settings } = await request('importData', { text: pending.text });
      onSettings(settings);
      say({ kind: 'ok', text: `${t('backupImported')} ${contentText(imported)}` });
    } catch (error) {
      say({ kind: 'error', text: errorText(error) });
    }
  };

  return (
    <section class="admin-section" aria-labelledby="backup-title">
      <h2 id="backup-title">{t('backupTitle')}</h2>
      <p class="muted">{t('backupIntro')}</p>
      <div class="admin-toolbar">
        <button type="button" class="button" onClick={() => void exportData()}>
          {t('backupExport')}
        </button>
        {!storeNewer && <FileButton label={t('backupImport')} accept=".json,application/json" testId="backup-file" onFile={(file) => void check(file)} />}
      </div>
      {storeNewer && <p class="muted">{t('storeNewerExport')}</p>}
      <Dialog open={!!pending} title={t('backupConfirmTitle')} onClose={() => setPending(undefined)}>
        {pending && (
          <>
            <p>{t('backupConfirmFile', [pending.name, fullDate(pending.summary.exportedAt, uiLanguage())])}</p>
            <p>
              <strong>{contentText(pending.summary)}</strong>
            </p>
            <p>{t('backupConfirmWarning')}</p>
            <div class="dialog__actions">
              <button type="button" class="button button--danger" onClick={() => void replace()}>
                {t('backupConfirm')}
              </button>
              {/* Focused first: Enter on a freshly opened dialog must not replace everything. */}
              <button type="button" class="button button--quiet" autoFocus onClick={() => setPending(undefined)}>
                {t('cancel')}
              </button>
            </div>
          </>
        )}
      </Dialog>
    </section>
  );
}
