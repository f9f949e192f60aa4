import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, uiLanguage } from '@/lib/i18n/browser';
import { relativeTime } from '@/lib/i18n/dates';
import { feedErrorParts } from '@/lib/i18n/translate';
import type { Params } from '@/lib/messages/protocol';
import type { Source } from '@/lib/model/source';
import { formatRoute } from '@/lib/reader/route';
import { countText } from '../ui/count';
import { ErrorDetails } from '../ui/ErrorDetails';
import { SourceEditForm } from './SourceEditForm';

type Patch = Params<'updateSource'>['patch'];

interface Props {
  source: Source;
  editing: boolean;
  onEdit: (editing: boolean) => void;
  onSave: (patch: Patch) => void;
  onRemove: () => void;
  onGrant: () => void;
  /** Beside the grant button while the browser's prompt is open: the way to stop waiting on it. */
  asking?: ComponentChildren;
}

/** "français", "German": the language's name in the page's language, or its code when the browser has none. */
function languageName(code: string): string {
  try {
    return new Intl.DisplayNames([uiLanguage()], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The source's health in words, never only by colour. */
function health(source: Source): { state: 'ok' | 'error' | 'never' | 'off'; text: string; detail?: string } {
  if (!source.enabled) return { state: 'off', text: t('sourceDisabled') };
  if (source.health.lastError) return { state: 'error', ...feedErrorParts(source.health.lastError, t) };
  if (!source.health.lastSuccess) return { state: 'never', text: t('sourceNeverFetched') };
  return { state: 'ok', text: t('sourceOk') };
}

/** One followed source: what it is, how it is doing, and what the member can do with it. */
export function SourceRow({ source, editing, onEdit, onSave, onRemove, onGrant, asking }: Props) {
  const state = health(source);
  const editButton = useRef<HTMLButtonElement>(null);
  const [enabled, setEnabled] = useState(source.enabled);
  useEffect(() => setEnabled(source.enabled), [source.enabled]);
  // The form goes away under the keyboard: focus returns to the button that opened it.
  const closeForm = () => {
    onEdit(false);
    editButton.current?.focus();
  };
  const { consecutiveFailures, lastSuccess, lastError } = source.health;
  const named = <span class="visually-hidden"> « {source.title} »</span>;
  const details = [
    source.language && languageName(source.language),
    countText('sourceEvery', source.intervalMinutes),
    source.origin === 'curated' && t('sourceCurated'),
    source.monitor?.pages && t('watchCombined', [String(source.monitor.pages.length)]),
    source.monitor?.unappliedFilters?.length && t('watchUnappliedFilters', [source.monitor.unappliedFilters.join(', ')]),
  ].filter(Boolean);

  return (
    <li class={`source-row source-row--${state.state}`} data-source-id={source.id}>
      <div class="source-row__main">
        <h4 class="source-row__title">
          <a href={formatRoute({ section: 'items', view: 'all', sourceId: source.id })}>{source.title}</a>
        </h4>
        <p class="source-row__url">{source.url}</p>
        <p class="source-row__details">{details.join(' · ')}</p>
        {/* A div: « Détails » is a <details>, which a paragraph cannot hold (RGAA 8.2). */}
        <div class="source-row__health">
          <span class="source-row__state">{state.text}</span>
          <ErrorDetails detail={state.detail} />
          {state.state === 'error' && consecutiveFailures > 1 && ` · ${t('sourceFailures', [String(consecutiveFailures)])}`}
          {lastSuccess && ` · ${t('sourceLastSuccess', [relativeTime(lastSuccess, uiLanguage())])}`}
          {lastError?.code === 'permission' && (
            <button type="button" class="button button--small" onClick={onGrant}>
              {t('grantAccess')}
              {named}
            </button>
          )}
          {asking}
        </div>
      </div>
      <div class="source-row__actions">
        <label class="source-row__toggle">
          <input
            type="checkbox"
            checked={enabled}
            onChange={(event) => {
              // Shown at once; the saved value comes back with the source list.
              setEnabled(event.currentTarget.checked);
              onSave({ enabled: event.currentTarget.checked });
            }}
          />
          {t('sourceEnabled')}
          {named}
        </label>
        <button ref={editButton} type="button" class="button button--quiet button--small" aria-expanded={editing} onClick={() => onEdit(!editing)}>
          {t('editSource')}
          {named}
        </button>
        <button type="button" class="button button--quiet button--small button--danger-quiet" onClick={onRemove}>
          {t('removeSource')}
          {named}
        </button>
      </div>
      {editing && (
        <SourceEditForm
          source={source}
          onCancel={closeForm}
          onSave={(patch) => {
            onSave(patch);
            closeForm();
          }}
        />
      )}
    </li>
  );
}
