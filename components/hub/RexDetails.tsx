import { safeHttpUrl } from '@/lib/feeds/links';
import { t, uiLanguage } from '@/lib/i18n/browser';
import type { Rex } from '@/lib/model/rex';
import { rexContext, rexWhen } from '@/lib/model/rex-words';

/**
 * A « retour d'expérience » in a share's card: its context (kind and size of the body, platform, audience),
 * when, what was tried, what came of it, and what it answers. Everything is text.
 */
export function RexDetails({ rex }: { rex: Rex }) {
  const context = rexContext(rex, t);
  return (
    <dl class="share__rex">
      <dt>{t('rexContext')}</dt>
      <dd>{context}</dd>
      <dt>{t('rexWhen')}</dt>
      <dd>
        <time dateTime={rex.when}>{rexWhen(rex.when, uiLanguage())}</time>
      </dd>
      <dt>{t('rexTried')}</dt>
      <dd class="share__rex-text">{rex.tried}</dd>
      <dt>{t('rexOutcome')}</dt>
      <dd class="share__rex-text">{rex.outcome}</dd>
      {rex.answers && rex.answers.length > 0 && (
        <>
          <dt>{t('rexAnswers')}</dt>
          {rex.answers.map((answer, index) => {
            // Only http(s) addresses become links: a REX comes from another member's browser, through the hub.
            const href = safeHttpUrl(answer.url);
            return (
              <dd key={index}>
                {href ? (
                  <a href={href} target="_blank" rel="noopener noreferrer">
                    {answer.title}
                  </a>
                ) : (
                  answer.title
                )}
              </dd>
            );
          })}
        </>
      )}
    </dl>
  );
}
