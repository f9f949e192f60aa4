import { t, uiLanguage } from '@/lib/i18n/browser';
import type { Rex } from '@/lib/model/rex';

/** Only http(s) addresses become links: a REX comes from another member's browser, through the hub. */
const safeHref = (url: string | undefined) => (url && /^https?:\/\//i.test(url) ? url : undefined);

/** « novembre 2026 », or « 4 novembre 2026 » for a day: the REX's `when` (a month or a day) in the member's words. */
function whenText(when: string, language: string): string {
  const [year, month, day] = when.split('-').map(Number);
  const date = new Date(Date.UTC(year!, (month ?? 1) - 1, day ?? 1));
  return new Intl.DateTimeFormat(language, { ...(day ? { day: 'numeric' } : {}), month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/**
 * A « retour d'expérience » in a share's card: its context (kind and size of the body, platform, audience),
 * when, what was tried, what came of it, and what it answers. Everything is text.
 */
export function RexDetails({ rex }: { rex: Rex }) {
  const context = [`${t(`collectivite_${rex.collectivite}`)}${rex.size ? ` (${rex.size})` : ''}`, t(`platform_${rex.platform}`), rex.audience ? t('rexAudience', [rex.audience]) : ''].filter(Boolean).join(' · ');
  return (
    <dl class="share__rex">
      <dt>{t('rexContext')}</dt>
      <dd>{context}</dd>
      <dt>{t('rexWhen')}</dt>
      <dd>
        <time dateTime={rex.when}>{whenText(rex.when, uiLanguage())}</time>
      </dd>
      <dt>{t('rexTried')}</dt>
      <dd class="share__rex-text">{rex.tried}</dd>
      <dt>{t('rexOutcome')}</dt>
      <dd class="share__rex-text">{rex.outcome}</dd>
      {rex.answers && rex.answers.length > 0 && (
        <>
          <dt>{t('rexAnswers')}</dt>
          {rex.answers.map((answer, index) => {
            const href = safeHref(answer.url);
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
