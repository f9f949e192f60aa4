import type { ComponentChildren } from 'preact';
import { t, uiLanguage } from '@/lib/i18n/browser';
import { relativeTime } from '@/lib/i18n/dates';
import { feedErrorParts } from '@/lib/i18n/translate';
import type { Summary } from '@/lib/messages/protocol';
import { ErrorDetails } from '../ui/ErrorDetails';

type SourceRow = Summary['sources'][number];

function healthOf(source: SourceRow): { state: 'ok' | 'error' | 'never' | 'off'; text: string; detail?: string } {
  if (!source.enabled) return { state: 'off', text: t('sourceDisabled') };
  if (source.lastError) return { state: 'error', ...feedErrorParts(source.lastError, t) };
  if (!source.lastSuccess) return { state: 'never', text: t('sourceNeverFetched') };
  return { state: 'ok', text: t('sourceOk') };
}

/**
 * One line per source; an error is said in words, never only by colour. A source Vigie may not read yet
 * offers the click at which the browser asks the user for that origin.
 */
export function SourceHealthList({ sources, onGrant, asking }: {
  sources: SourceRow[];
  onGrant: (source: SourceRow) => void;
  /** Beside a source's grant button while the browser's prompt is open: the way to stop waiting on it. */
  asking?: (source: SourceRow) => ComponentChildren;
}) {
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
            <ErrorDetails detail={health.detail} />
            {source.lastError?.code === 'permission' && (
              <button type="button" class="button button--small" onClick={() => onGrant(source)} aria-label={t('grantAccessLabel', [source.title])}>
                {t('grantAccess')}
              </button>
            )}
            {asking?.(source)}
            {source.lastSuccess && (
              <span class="source__when">{t('sourceLastSuccess', [relativeTime(source.lastSuccess, language)])}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
