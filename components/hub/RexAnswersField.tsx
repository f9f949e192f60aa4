import { t } from '@/lib/i18n/browser';
import { MAX_REX_ANSWERS } from '@/lib/model/rex';

/** One thing a REX may answer: its value in the choice and how the member sees it. */
export interface AnswerChoice {
  value: string;
  label: string;
  group: 'shared' | 'own';
}

/**
 * What a REX answers: the chosen alerts and articles, each with its « Retirer », and a choice that adds one
 * more (a REX often answers both the collective's alert and the article behind it). Up to MAX_REX_ANSWERS.
 */
export function RexAnswersField({ choices, chosen, onChange }: { choices: readonly AnswerChoice[]; chosen: readonly string[]; onChange: (chosen: string[]) => void }) {
  const labelOf = (value: string) => choices.find((choice) => choice.value === value)?.label ?? value;
  const left = choices.filter((choice) => !chosen.includes(choice.value));
  const full = chosen.length >= MAX_REX_ANSWERS;
  const group = (name: AnswerChoice['group'], label: string) => {
    const options = left.filter((choice) => choice.group === name);
    return (
      options.length > 0 && (
        <optgroup label={label}>
          {options.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </optgroup>
      )
    );
  };
  return (
    <div class="rex-answers">
      <label class="field">
        <span class="field__label">{t('rexAnswersLabel')}</span>
        <select
          value=""
          disabled={full || left.length === 0}
          aria-describedby={full ? 'rex-answers-full' : undefined}
          onChange={(event) => {
            const value = event.currentTarget.value;
            if (value) onChange([...chosen, value]);
            event.currentTarget.value = '';
          }}
        >
          <option value="">{t(chosen.length > 0 ? 'rexAnswersMore' : 'rexAnswersNone')}</option>
          {group('shared', t('rexAnswersShared'))}
          {group('own', t('rexAnswersOwn'))}
        </select>
      </label>
      {full && (
        <p id="rex-answers-full" class="field__hint">
          {t('rexAnswersFull', [String(MAX_REX_ANSWERS)])}
        </p>
      )}
      {chosen.length > 0 && (
        <ul class="rex-answers__chosen" aria-label={t('rexAnswersChosen')}>
          {chosen.map((value) => (
            <li key={value}>
              <span>{labelOf(value)}</span>{' '}
              <button type="button" class="button button--small button--quiet" aria-label={t('rexAnswersRemove', [labelOf(value)])} onClick={() => onChange(chosen.filter((entry) => entry !== value))}>
                {t('rexAnswersRemoveButton')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
