import { useEffect, useState } from 'preact/hooks';
import { errorText } from '@/components/ui/error-text';
import { t, uiLanguage } from '@/lib/i18n/browser';
import { fullDate } from '@/lib/i18n/dates';
import { request } from '@/lib/messages/client';
import type { Result } from '@/lib/messages/protocol';
import { RETENTION_CHOICES, type Settings } from '@/lib/model/settings';
import { useConfirm } from '../ui/confirm';
import { countText, formatBytes, formatNumber } from '../ui/count';
import type { Said } from '../ui/StatusLine';

type Usage = Result<'storageUsage'>;

const FOREVER = 'toujours';
const choiceValue = (months: number | null) => (months === null ? FOREVER : String(months));
const choiceLabel = (months: number | null) => (months === null ? t('retentionForever') : countText('retentionMonths', months));

/** "Dernier nettoyage le samedi 5 décembre 2026 à 03:00 : 1 234 éléments retirés". */
export const lastPruneText = (lastPrune: Usage['lastPrune']) =>
  lastPrune ? countText('retentionLastPrune', lastPrune.items, fullDate(lastPrune.at, uiLanguage())) : t('retentionNeverPruned');

/**
 * How long items are kept (what is never removed said beside it), the last clean-up, and the space the store
 * takes: the browser's estimate and the records of each kind.
 */
export function RetentionSection({ settings, onSettings, say }: { settings: Settings; onSettings: (settings: Settings) => void; say: (said: Said) => void }) {
  const [usage, setUsage] = useState<Usage>();
  const [pruning, setPruning] = useState(false);
  // Removing items is asked first (RGAA 11.12): a shorter retention, or « Nettoyer maintenant ».
  const { dialog, ask } = useConfirm();

  const reload = async () => {
    try {
      setUsage(await request('storageUsage', {}));
    } catch (error) {
      say({ kind: 'error', text: errorText(error) });
    }
  };
  useEffect(() => void reload(), []);

  const pruneNow = async () => {
    if (pruning) return;
    setPruning(true);
    try {
      await request('pruneNow', {});
      await reload();
    } catch (error) {
      say({ kind: 'error', text: errorText(error) });
    } finally {
      setPruning(false);
    }
  };

  const askPrune = async () => {
    if (settings.retentionMonths === null) return;
    if (await ask(t('retentionPruneConfirm', [choiceLabel(settings.retentionMonths)]), { yes: t('retentionPruneNow'), danger: true })) await pruneNow();
  };

  const choose = async (select: HTMLSelectElement) => {
    const value = select.value;
    const retentionMonths = value === FOREVER ? null : Number(value);
    const current = settings.retentionMonths;
    const shorter = retentionMonths !== null && (current === null || retentionMonths < current);
    if (shorter && !(await ask(t('retentionShorterConfirm', [choiceLabel(retentionMonths)]), { yes: t('retentionShorterYes'), danger: true }))) {
      // Kept as it was: the list shows the retention still in force.
      select.value = choiceValue(current);
      return;
    }
    try {
      onSettings(await request('updateSettings', { retentionMonths }));
      say({ kind: 'ok', text: t('retentionSaved') });
    } catch (error) {
      say({ kind: 'error', text: errorText(error) });
      return;
    }
    // The background started the clean-up for the new retention: its outcome is shown once it is done.
    await pruneNow();
  };

  const counts = usage?.counts;
  const rows: [string, number | undefined][] = [
    ['storageItems', counts?.items],
    ['storageClips', counts?.clips],
    ['storageAlerts', counts?.alerts],
    ['storageSources', counts?.sources],
    ['storageTags', counts?.tags],
    ['storageRules', counts?.rules],
    ['storageVersions', counts?.versions],
    ['storageShares', counts?.shares],
    ['storageOutbox', counts?.outbox],
  ];

  return (
    <section class="admin-section" aria-labelledby="retention-title">
      <h2 id="retention-title">{t('retentionTitle')}</h2>
      {dialog}
      <div class="field retention-field">
        <label class="field__label" for="retention-months">
          {t('retentionLabel')}
        </label>
        <select id="retention-months" value={choiceValue(settings.retentionMonths)} aria-describedby="retention-hint" onChange={(event) => void choose(event.currentTarget)}>
          {RETENTION_CHOICES.map((months) => (
            <option key={choiceValue(months)} value={choiceValue(months)}>
              {choiceLabel(months)}
            </option>
          ))}
        </select>
        <p id="retention-hint" class="field__hint">
          {t('retentionHint')}
        </p>
      </div>
      <p class="admin-note" data-testid="last-prune" role="status">
        {pruning ? t('retentionPruning') : usage ? lastPruneText(usage.lastPrune) : ''}{' '}
        <button type="button" class="button button--small" disabled={settings.retentionMonths === null} aria-disabled={pruning} onClick={() => void askPrune()}>
          {t('retentionPruneNow')}
        </button>
      </p>

      <h3 id="storage-title">{t('storageTitle')}</h3>
      <p data-testid="storage-usage">
        {usage === undefined
          ? ''
          : usage.usage !== undefined && usage.quota !== undefined
            ? t('storageUsage', [formatBytes(usage.usage), formatBytes(usage.quota)])
            : t('storageUsageUnknown')}
      </p>
      {counts && (
        <table class="storage-counts" aria-labelledby="storage-title">
          <caption class="visually-hidden">{t('storageRecords')}</caption>
          <tbody>
            {rows.map(([key, count]) => (
              <tr key={key} class={key === 'storageClips' ? 'storage-counts__part' : undefined}>
                <th scope="row">{t(key)}</th>
                <td>{formatNumber(count ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
