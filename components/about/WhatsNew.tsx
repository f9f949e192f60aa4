import { useEffect, useState } from 'preact/hooks';
import type { PendingWhatsNew } from '@/lib/about/whats-new';
import { t } from '@/lib/i18n/browser';
import { request } from '@/lib/messages/client';
import type { VigieReader } from '@/lib/store/reader';
import { Dialog } from '../ui/Dialog';
import { firstPaint } from '../ui/first-render';
import { ChangelogList } from './ChangelogList';

/**
 * « Quoi de neuf », once after an update: the changelog's entries since the version this browser ran before,
 * over the dashboard, after its first screen. Shown means seen: it does not come back at the next opening
 * (the lines stay in Paramètres → À propos de Vigie).
 */
/** The changelog and the version comparisons, loaded after the first screen: most openings show no news. */
type News = typeof import('@/lib/about/whats-new');

export function WhatsNew({ reader }: { reader: VigieReader }) {
  const [update, setUpdate] = useState<PendingWhatsNew & { news: News }>();

  useEffect(() => {
    let live = true;
    void firstPaint
      .then(() => Promise.all([reader.whatsNew(), import('@/lib/about/whats-new')]))
      .then(([pending, news]) => {
        if (!live || !pending || news.entriesBetween(pending.from, pending.to).length === 0) return;
        setUpdate({ ...pending, news });
        void request('whatsNewSeen', {}).catch(() => undefined);
      })
      // A store that cannot be read says so elsewhere; there is no news to show then.
      .catch(() => undefined);
    return () => void (live = false);
  }, [reader]);

  const close = () => setUpdate(undefined);
  return (
    <Dialog open={!!update} title={t('whatsNewTitle', [update?.to ?? ''])} onClose={close}>
      {update && (
        <div class="whats-new">
          <p>{update.from === update.news.BEFORE_NOTING ? t('whatsNewUpdated', [update.to]) : t('whatsNewFrom', [update.from, update.to])}</p>
          <ChangelogList entries={update.news.entriesBetween(update.from, update.to)} />
          <p class="field__hint">{t('whatsNewLater')}</p>
          <div class="dialog__actions">
            <button type="button" class="button" onClick={close}>
              {t('whatsNewClose')}
            </button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
