import { t } from '@/lib/i18n/browser';
import type { Condition } from '@/lib/model/rule';
import { MATCH_MODES, RULE_FIELDS, TERM_COMBINATIONS, type MatchMode, type TermCombination } from '@/lib/model/vocabulary';

interface Props {
  index: number;
  condition: Condition;
  onChange: (next: Condition) => void;
  onRemove?: () => void;
  /** What is wrong with its terms, in words (a regex refused, a term that can never be found): under the field. */
  problems?: readonly string[];
}

/** One condition of a rule: where to look, how to read the terms, how they combine, the terms (one per line). */
export function ConditionFields({ index, condition, onChange, onRemove, problems = [] }: Props) {
  const invalid = problems.length > 0;
  const set = (change: Partial<Condition>) => onChange({ ...condition, ...change });
  const toggleField = (field: Condition['fields'][number], on: boolean) =>
    set({ fields: on ? [...new Set([...condition.fields, field])] : condition.fields.filter((f) => f !== field) });
  return (
    <fieldset class="rule-condition">
      <legend>{t('ruleConditionN', [String(index + 1)])}</legend>
      <fieldset class="rule-condition__fields">
        <legend>{t('ruleLookIn')}</legend>
        {RULE_FIELDS.map((field) => (
          <label class="checkbox">
            <input type="checkbox" checked={condition.fields.includes(field)} onChange={(event) => toggleField(field, event.currentTarget.checked)} />
            {t(`ruleField_${field}`)}
          </label>
        ))}
      </fieldset>
      <label>
        <span>{t('ruleCombine')}</span>
        <select value={condition.combine} onChange={(event) => set({ combine: event.currentTarget.value as TermCombination })}>
          {TERM_COMBINATIONS.map((combine) => (
            <option value={combine}>{t(`ruleCombine_${combine}`)}</option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('ruleMode')}</span>
        <select value={condition.mode} onChange={(event) => set({ mode: event.currentTarget.value as MatchMode })}>
          {MATCH_MODES.map((mode) => (
            <option value={mode}>{t(`ruleMode_${mode}`)}</option>
          ))}
        </select>
      </label>
      <label class="rule-condition__terms">
        <span>{t('ruleTerms')}</span>
        <textarea
          rows={4}
          value={condition.terms.join('\n')}
          onInput={(event) => set({ terms: event.currentTarget.value.split('\n').map((term) => term.trim()).filter(Boolean) })}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `rule-terms-problem-${index} rule-terms-help-${index}` : `rule-terms-help-${index}`}
        />
        {/* The field says what is wrong with it, and its error is tied to it (RGAA 11.10). */}
        {invalid && (
          <span class="problem" id={`rule-terms-problem-${index}`}>
            {problems.join(' ')}
          </span>
        )}
        <small id={`rule-terms-help-${index}`}>{t(`ruleTermsHelp_${condition.mode}`)}</small>
      </label>
      {onRemove && (
        <button type="button" class="button button--quiet" onClick={onRemove}>
          {t('ruleConditionRemove')}
        </button>
      )}
    </fieldset>
  );
}
