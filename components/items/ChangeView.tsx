import { t } from '@/lib/i18n/browser';
import type { Change } from '@/lib/model/change';
import { countText } from '../ui/count';
import { DiffText } from '../ui/DiffText';

/**
 * A watched text's change, word by word: what was added and removed, said in words for screen readers and
 * marked by underline and strike-through (never colour alone), with the full texts before and after when
 * Open Terms Archive keeps them. Everything is rendered as text: nothing of the page runs or loads.
 */
export function ChangeView({ change }: { change: Change }) {
  return (
    <section class="change" aria-labelledby="change-title">
      <h3 id="change-title">{t(change.kind === 'terms' ? 'changeTitleTerms' : 'changeTitlePage')}</h3>
      {change.documents.map((document) => (
        <article class="change__document">
          <h4>{document.name}</h4>
          <p class="change__stats">
            {t('changeStats', [countText('changeStatsAdded', document.added), countText('changeStatsRemoved', document.removed)])}
            {document.beforeUrl && (
              <>
                {' · '}
                <a href={document.beforeUrl} target="_blank" rel="noopener noreferrer">
                  {t('changeBefore')}
                </a>
              </>
            )}
            {document.afterUrl && (
              <>
                {' · '}
                <a href={document.afterUrl} target="_blank" rel="noopener noreferrer">
                  {t('changeAfter')}
                </a>
              </>
            )}
          </p>
          <DiffText parts={document.parts} />
        </article>
      ))}
      {change.truncated && <p class="muted">{t('changeTruncated')}</p>}
    </section>
  );
}
