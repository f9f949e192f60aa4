import { safeHttpUrl } from '@/lib/feeds/links';
import { t } from '@/lib/i18n/browser';
import { request } from '@/lib/messages/client';
import type { Fiche } from '@/lib/model/fiche';
import { errorText } from '../ui/error-text';

const KIND_KEYS: Record<string, string> = { item: 'ficheKind_item', clip: 'ficheKind_clip', alert: 'ficheKind_alert', rex: 'ficheKind_rex' };

/** The shares a fiche cites: articles, clips, alerts and REX of the collective, each with who added it. */
export function FicheReferences({ fiche, editor, say }: { fiche: Fiche; editor: boolean; say: (text: string, kind?: 'ok' | 'error') => void }) {
  if (fiche.links.length === 0) return <p class="muted">{t('ficheNoReferences')}</p>;
  const remove = (shareId: string) =>
    void request('linkFiche', { id: fiche.id, shareId, on: false }).then(() => say(t('ficheReferenceRemoved')), (error: unknown) => say(errorText(error), 'error'));
  return (
    <section class="fiche__references" aria-labelledby={`fiche-references-${fiche.id}`}>
      <h3 id={`fiche-references-${fiche.id}`}>{t('ficheReferences', [String(fiche.links.length)])}</h3>
      <ol>
        {fiche.links.map((link) => {
          // Only http(s) addresses become links: a reference comes from another member's browser, through the hub.
          const href = safeHttpUrl(link.url);
          return (
            <li key={link.shareId}>
              {href ? (
                <a href={href} target="_blank" rel="noopener noreferrer">
                  {link.title}
                </a>
              ) : (
                <a href={`#/copil?share=${encodeURIComponent(link.shareId)}`}>{link.title}</a>
              )}
              <span class="muted">
                {' — '}
                {[t(KIND_KEYS[link.kind] ?? 'ficheKind_item'), link.context, t('ficheAddedBy', [link.addedBy.name])].filter(Boolean).join(' · ')}
              </span>
              {editor && (
                <>
                  {' '}
                  <button type="button" class="button button--small button--quiet" onClick={() => remove(link.shareId)}>
                    {t('ficheReferenceRemove', [link.title])}
                  </button>
                </>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
