import { useRef, useState } from 'preact/hooks';
import { errorText } from '@/components/ui/error-text';
import { t } from '@/lib/i18n/browser';
import type { Tag } from '@/lib/model/tag';
import { checkPastEvent, PAST_EVENT_TITLE_MAX, type PastEvent, type PastEventErrors, type PastEventField, type PastEventInput, todayKey } from '@/lib/timeline';
import { Required } from '../ui/Required';
import { StatusLine, type Said } from '../ui/StatusLine';

const EMPTY: PastEventInput = { date: '', title: '', category: '', url: '' };
const FIELDS: PastEventField[] = ['date', 'title', 'category', 'url'];


/**
 * Adding a past event by hand, to build the history back to Facebook's beginnings. The browser's own checks
 * are off (`noValidate`): the form says what is wrong in its words, next to the field, and moves the focus
 * to the first field to correct.
 */
export function PastEventForm({ categories, labelOf, onAdd }: { categories: readonly Tag[]; labelOf: (tag: Tag) => string; onAdd: (event: PastEvent) => Promise<void> }) {
  const [input, setInput] = useState<PastEventInput>(EMPTY);
  const [errors, setErrors] = useState<PastEventErrors>({});
  const [busy, setBusy] = useState(false);
  const [said, say] = useState<Said>();
  const formRef = useRef<HTMLFormElement>(null);
  const today = todayKey();

  const set = (field: PastEventField, value: string) => setInput((current) => ({ ...current, [field]: value }));

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const checked = checkPastEvent(input, categories.map((tag) => tag.id), today);
    if (!checked.ok) {
      setErrors(checked.errors);
      say({ kind: 'error', text: t('timelineEventFormInvalid') });
      const first = FIELDS.find((field) => checked.errors[field]);
      formRef.current?.querySelector<HTMLElement>(`#timeline-event-${first}`)?.focus();
      return;
    }
    setErrors({});
    setBusy(true);
    say(undefined);
    try {
      await onAdd(checked.event);
      setInput(EMPTY);
      say({ kind: 'ok', text: t('timelineEventAdded', [checked.event.title]) });
      // The form is empty again: focus goes to its first field, ready for the next event (RGAA 12.8).
      formRef.current?.querySelector<HTMLElement>('#timeline-event-date')?.focus();
    } catch (error) {
      say({ kind: 'error', text: t('timelineEventAddFailed', [errorText(error)]) });
    } finally {
      setBusy(false);
    }
  };

  /** A field's label, its error in words (tied to it by aria-describedby) and its hint. */
  const described = (field: PastEventField, hint?: string) => {
    const ids = [errors[field] ? `timeline-event-${field}-error` : '', hint ? `timeline-event-${field}-hint` : ''].filter(Boolean).join(' ');
    return { id: `timeline-event-${field}`, 'aria-invalid': errors[field] ? true : undefined, 'aria-describedby': ids || undefined };
  };
  const error = (field: PastEventField) => {
    const key = errors[field];
    return (
      key && (
        <span id={`timeline-event-${field}-error`} class="timeline-form__error">
          {t(key, [String(PAST_EVENT_TITLE_MAX)])}
        </span>
      )
    );
  };

  return (
    <form ref={formRef} class="timeline-form" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="timeline-form-heading">
      <h2 id="timeline-form-heading" class="timeline__subheading">
        {t('timelineAddHeading')}
      </h2>
      <p class="timeline__intro">{t('timelineAddIntro')}</p>
      <div class="timeline-form__fields">
        <div class="timeline-form__field">
          <label for="timeline-event-date">{t('timelineEventDate')}<Required /></label>
          <input aria-required="true" type="date" max={today} value={input.date} onInput={(event) => set('date', event.currentTarget.value)} {...described('date')} />
          {error('date')}
        </div>
        <div class="timeline-form__field timeline-form__field--wide">
          <label for="timeline-event-title">{t('timelineEventTitle')}<Required /></label>
          <input aria-required="true" type="text" value={input.title} onInput={(event) => set('title', event.currentTarget.value)} {...described('title')} />
          {error('title')}
        </div>
        <div class="timeline-form__field">
          <label for="timeline-event-category">{t('timelineEventCategory')}<Required /></label>
          <select aria-required="true" value={input.category} onChange={(event) => set('category', event.currentTarget.value)} {...described('category')}>
            <option value="">{t('timelineEventCategoryChoose')}</option>
            {categories.map((tag) => (
              <option key={tag.id} value={tag.id}>
                {tag.parent ? `— ${labelOf(tag)}` : labelOf(tag)}
              </option>
            ))}
          </select>
          {error('category')}
        </div>
        <div class="timeline-form__field timeline-form__field--wide">
          <label for="timeline-event-url">{t('timelineEventUrl')}</label>
          <input type="url" inputMode="url" value={input.url} onInput={(event) => set('url', event.currentTarget.value)} {...described('url', 'hint')} />
          <span id="timeline-event-url-hint" class="timeline-form__hint">
            {t('timelineEventUrlHint')}
          </span>
          {error('url')}
        </div>
      </div>
      <div class="timeline-form__actions">
        {/* aria-disabled while adding: a disabled button would drop focus to the page. */}
        <button type="submit" class="button" aria-disabled={busy}>
          {busy ? t('timelineEventAdding') : t('timelineEventAdd')}
        </button>
        <StatusLine said={said} base="timeline-form__status" />
      </div>
    </form>
  );
}
