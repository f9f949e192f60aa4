import { useEffect, useRef, useState } from 'preact/hooks';
import { t, uiLanguage } from '@/lib/i18n/browser';
import { request } from '@/lib/messages/client';
import type { AlertRow } from '@/lib/messages/protocol';
import { COLLECTIVITES, PLATFORMS, type Rex, type RexDraft } from '@/lib/model/rex';
import type { Share } from '@/lib/model/share';
import type { Tag } from '@/lib/model/tag';
import { errorText } from '../ui/error-text';
import { focusSoon } from '../ui/focus';
import { RexAnswersField, type AnswerChoice } from './RexAnswersField';

type Fields = { title: string; note: string; tags: string[]; answers: string[] } & Omit<Rex, 'answers'>;

/** A share of the collective a REX may answer (« suite au TTPA, nous avons… »): an alert or an article. */
export type Answerable = Pick<Share, 'id' | 'kind' | 'title' | 'url' | 'priority'>;
/** One of this member's own alerts (not shared): answered by its article's title and address. */
type OwnAlert = Pick<AlertRow, 'id' | 'ruleName'> & { item: Pick<AlertRow['item'], 'title' | 'url'> };
/** An own alert's value in the choice, apart from the shares' ids. */
const OWN = 'alert:';

const thisMonth = () => new Date().toISOString().slice(0, 7);
const empty = (): Fields => ({ title: '', note: '', tags: [], answers: [], collectivite: 'commune', size: '', platform: 'facebook', audience: '', tried: '', outcome: '', when: thisMonth() });

/** The draft as the hub takes it: optional fields left empty are left out. */
function draftOf(fields: Fields, answerable: readonly Answerable[], own: readonly OwnAlert[]): RexDraft {
  const { title, note, tags, size, audience, answers, ...rex } = fields;
  const answered = answers.flatMap((id) => {
    const alert = id.startsWith(OWN) ? own.find((entry) => `${OWN}${entry.id}` === id) : undefined;
    if (alert) return [{ title: alert.item.title.slice(0, 500), ...(alert.item.url ? { url: alert.item.url } : {}) }];
    return answerable.filter((share) => share.id === id).map((share) => ({ shareId: share.id, title: share.title.slice(0, 500), ...(share.url ? { url: share.url } : {}) }));
  });
  return {
    title: title.trim(),
    ...(note.trim() ? { note: note.trim() } : {}),
    tags,
    rex: {
      ...rex,
      tried: rex.tried.trim(),
      outcome: rex.outcome.trim(),
      ...(size?.trim() ? { size: size.trim() } : {}),
      ...(audience?.trim() ? { audience: audience.trim() } : {}),
      ...(answered.length ? { answers: answered } : {}),
    },
  };
}

/**
 * « Partager un retour d'expérience »: what a member tried, in which context, and what came of it, for the
 * collective (a share of kind rex, through the outbox like any share). Opened from the COPIL section.
 */
export function RexForm({ tags, answerable = [], onSaid }: { tags: Tag[]; answerable?: readonly Answerable[]; onSaid: (text: string, kind?: 'ok' | 'error') => void }) {
  const [open, setOpen] = useState(false);
  // This member's latest alerts, which a REX may answer too, read when the form opens.
  const [own, setOwn] = useState<OwnAlert[]>([]);
  useEffect(() => {
    if (open) void request('listAlerts', { limit: 50 }).then(setOwn, () => setOwn([]));
  }, [open]);
  const [fields, setFields] = useState<Fields>(empty);
  const [sending, setSending] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const language = uiLanguage() === 'en' ? 'en' : 'fr';
  // What the REX may answer: the collective's alerts and articles, then this member's own alerts.
  const choices: AnswerChoice[] = [
    ...answerable.map((share) => ({ value: share.id, label: share.kind === 'alert' ? t('rexAnswersAlert', [share.title]) : share.title, group: 'shared' as const })),
    ...own.map((alert) => ({ value: `${OWN}${alert.id}`, label: t('rexAnswersOwnAlert', [alert.ruleName, alert.item.title]), group: 'own' as const })),
  ];
  const set = <K extends keyof Fields>(key: K, value: Fields[K]) => setFields((current) => ({ ...current, [key]: value }));
  const close = () => {
    setOpen(false);
    focusSoon(() => opener.current);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (sending) return;
    if (!fields.title.trim() || !fields.tried.trim() || !fields.outcome.trim()) return onSaid(t('rexMissing'), 'error');
    // Firefox ESR shows a month field as plain text: a month typed in words is said here, not refused later.
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(fields.when)) return onSaid(t('rexWhenFormat'), 'error');
    setSending(true);
    try {
      const { sent } = await request('shareRex', draftOf(fields, answerable, own));
      onSaid(t(sent ? 'rexSent' : 'rexQueued'));
      setFields(empty());
      close();
    } catch (error) {
      onSaid(errorText(error), 'error');
    } finally {
      setSending(false);
    }
  };

  if (!open) {
    return (
      <button
        ref={opener}
        type="button"
        class="button"
        onClick={() => {
          setOpen(true);
          // The form replaces the button: the member lands in its first field.
          focusSoon(() => document.querySelector<HTMLElement>('.rex-form input'));
        }}
      >
        {t('rexNew')}
      </button>
    );
  }
  const text = (key: 'title' | 'size' | 'audience', label: string, required = false) => (
    <label class="field">
      <span class="field__label">
        {label}
        {required && ` ${t('fieldRequired')}`}
      </span>
      <input type="text" maxLength={key === 'title' ? 500 : 300} required={required} value={fields[key] ?? ''} onInput={(e) => set(key, e.currentTarget.value)} />
    </label>
  );
  const area = (key: 'tried' | 'outcome' | 'note', label: string, required = false) => (
    <label class="field">
      <span class="field__label">
        {label}
        {required && ` ${t('fieldRequired')}`}
      </span>
      <textarea rows={3} maxLength={10_000} required={required} value={fields[key]} onInput={(e) => set(key, e.currentTarget.value)} />
    </label>
  );
  return (
    <form class="rex-form" aria-labelledby="rex-form-title" onSubmit={(event) => void submit(event)}>
      <h2 id="rex-form-title">{t('rexFormTitle')}</h2>
      {text('title', t('rexTitleLabel'), true)}
      <label class="field">
        <span class="field__label">{t('rexCollectiviteLabel')}</span>
        <select value={fields.collectivite} onChange={(e) => set('collectivite', e.currentTarget.value as Fields['collectivite'])}>
          {COLLECTIVITES.map((kind) => (
            <option key={kind} value={kind}>
              {t(`collectivite_${kind}`)}
            </option>
          ))}
        </select>
      </label>
      {text('size', t('rexSizeLabel'))}
      <label class="field">
        <span class="field__label">{t('rexPlatformLabel')}</span>
        <select value={fields.platform} onChange={(e) => set('platform', e.currentTarget.value as Fields['platform'])}>
          {PLATFORMS.map((platform) => (
            <option key={platform} value={platform}>
              {t(`platform_${platform}`)}
            </option>
          ))}
        </select>
      </label>
      {text('audience', t('rexAudienceLabel'))}
      <label class="field">
        <span class="field__label">
          {t('rexWhenLabel')} {t('fieldRequired')}
        </span>
        <input type="month" required placeholder="2026-11" value={fields.when} max={thisMonth()} onInput={(e) => set('when', e.currentTarget.value)} />
      </label>
      {area('tried', t('rexTriedLabel'), true)}
      {area('outcome', t('rexOutcomeLabel'), true)}
      {area('note', t('rexNoteLabel'))}
      {(answerable.length > 0 || own.length > 0) && <RexAnswersField choices={choices} chosen={fields.answers} onChange={(answers) => set('answers', answers)} />}
      {tags.length > 0 && (
        <fieldset class="field">
          <legend>{t('rexTagsLabel')}</legend>
          {tags.map((tag) => (
            <label key={tag.id} class="checkbox">
              <input type="checkbox" checked={fields.tags.includes(tag.id)} onChange={(e) => set('tags', e.currentTarget.checked ? [...fields.tags, tag.id] : fields.tags.filter((id) => id !== tag.id))} />{' '}
              {tag.label[language]}
            </label>
          ))}
        </fieldset>
      )}
      <p>
        <button type="submit" class="button" aria-disabled={sending}>
          {t('rexSend')}
        </button>{' '}
        <button type="button" class="button button--quiet" onClick={close}>
          {t('copilCancel')}
        </button>
      </p>
    </form>
  );
}
