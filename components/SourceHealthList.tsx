import { t, uiLanguage } from '@/lib/i18n/browser';
import { relativeTime } from '@/lib/i18n/dates';
import { feedErrorText } from '@/lib/i18n/translate';
import type { Summary } from '@/lib/messages/protocol';

type SourceRow = Summary['sources'][number];

function healthOf(source: SourceRow): { state: 'ok' | 'error' | 'never' | 'off'; text: string } {
  if (!source.enabled) return { state: 'off', text: t('sourceDisabled') };
  if (source.lastError) return { state: 'error', text: feedErrorText(source.lastError, t) };
  if (!source.lastSuccess) return { state: 'never', text: t('sourceNeverFetched') };
  return { state: 'ok', text: t('sourceOk') };
}

/** One line per source; an error is said in words, never only by colour. */
export function SourceHealthList({ sources }: { sources: SourceRow[] }) {
  const language = uiLanguage();
  return (
    <ul class="sources">
      {sources.map((source) => {
        const health = healthOf(source);
        return (
          <li key={source.id} class={`source source--${health.state}`} data-source-id={source.id}>
            <span class="source__title">{source.title}</span>
            <span class="source__health">
              {health.text}
              {health.state === 'error' && source.consecutiveFailures > 1 && ` · ${t('sourceFailures', [String(source.consecutiveFailures)])}`}
            </span>
            {source.lastSuccess && (
              <span class="source__when">{t('sourceLastSuccess', [relativeTime(source.lastSuccess, language)])}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
