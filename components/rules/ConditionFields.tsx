import { t } from '@/lib/i18n/browser';
import type { Condition } from '@/lib/model/rule';
import { MATCH_MODES, RULE_FIELDS, TERM_COMBINATIONS, type MatchMode, type TermCombination } from '@/lib/model/vocabulary';

interface Props {
  index: number;
  condition: Condition;
  onChange: (next: Condition) => void;
  onRemove?: () => void;
}

/** One condition of a rule: where to look, how to read the terms, how they combine, the terms (one per line). */
export function ConditionFields({ index, condition, onChange, onRemove }: Props) {
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
          aria-describedby={`rule-terms-help-${index}`}
        />
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
