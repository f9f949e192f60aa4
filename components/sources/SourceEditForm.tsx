import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n/browser';
import type { Params } from '@/lib/messages/protocol';
import type { Source } from '@/lib/model/source';
import { Required } from '../ui/Required';

type Patch = Params<'updateSource'>['patch'];

const KNOWN_LANGUAGES = ['fr', 'en'];

/** One source's settings: title, category (the existing ones proposed), language, interval. */
export function SourceEditForm({ source, onSave, onCancel }: { source: Source; onSave: (patch: Patch) => void; onCancel: () => void }) {
  const [title, setTitle] = useState(source.title);
  const [category, setCategory] = useState(source.category ?? '');
  const current = source.language ?? '';
  const [language, setLanguage] = useState(current === '' || KNOWN_LANGUAGES.includes(current) ? current : 'other');
  const [otherLanguage, setOtherLanguage] = useState(KNOWN_LANGUAGES.includes(current) ? '' : current);
  const [minutes, setMinutes] = useState(String(source.intervalMinutes));
  const id = `edit-${source.id}`;

  const submit = (event: Event) => {
    event.preventDefault();
    onSave({
      title,
      category,
      language: language === 'other' ? otherLanguage : language,
      intervalMinutes: Math.max(1, Math.round(Number(minutes))),
    });
  };

  return (
    <form class="source-edit" onSubmit={submit} aria-label={t('editSourceLabel', [source.title])}>
      <label class="field">
        <span class="field__label">{t('sourceTitle')}<Required /></span>
        <input type="text" required value={title} onInput={(event) => setTitle(event.currentTarget.value)} />
      </label>
      <label class="field">
        <span class="field__label">{t('sourceCategory')}</span>
        <input type="text" list="source-categories" value={category} onInput={(event) => setCategory(event.currentTarget.value)} />
      </label>
      <label class="field">
        <span class="field__label">{t('sourceLanguage')}</span>
        <select value={language} onChange={(event) => setLanguage(event.currentTarget.value)}>
          <option value="">{t('languageUnknown')}</option>
          <option value="fr">{t('languageFrench')}</option>
          <option value="en">{t('languageEnglish')}</option>
          <option value="other">{t('languageOther')}</option>
        </select>
      </label>
      {language === 'other' && (
        <label class="field">
          <span class="field__label">{t('languageCode')}<Required /></span>
          <input
            type="text"
            required
            pattern="[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*"
            class="input--short"
            value={otherLanguage}
            aria-describedby={`${id}-code-hint`}
            onInput={(event) => setOtherLanguage(event.currentTarget.value)}
          />
          <span id={`${id}-code-hint`} class="field__hint">
            {t('languageCodeHint')}
          </span>
        </label>
      )}
      <label class="field">
        <span class="field__label">{t('sourceInterval')}<Required /></span>
        <input type="number" required min={1} step={1} inputMode="numeric" class="input--short" value={minutes} onInput={(event) => setMinutes(event.currentTarget.value)} />
      </label>
      <div class="source-edit__actions">
        <button type="submit" class="button">
          {t('save')}
        </button>
        <button type="button" class="button button--quiet" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
