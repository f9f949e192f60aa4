import { useRef } from 'preact/hooks';
import { t } from '@/lib/i18n/browser';
import { ruleProblemWords } from '@/lib/i18n/error-words';
import { IMPACTS, type Impact } from '@/lib/model/item';
import type { Rule } from '@/lib/model/rule';
import type { Tag } from '@/lib/model/tag';
import { PRIORITIES, type Priority } from '@/lib/model/vocabulary';
import { ruleProblems } from '@/lib/rules/problems';
import { useHubConnected } from '../hub/ShareButton';
import { createPersonalTag } from '../tags/create-tag';
import { TagChip } from '../tags/TagChip';
import { TagPicker } from '../tags/TagPicker';
import { useConfirm } from '../ui/confirm';
import { countText, formatNumber } from '../ui/count';
import { focusSoon } from '../ui/focus';
import { Required } from '../ui/Required';
import { StatusLine } from '../ui/StatusLine';
import { ConditionFields } from './ConditionFields';
import { useRuleDraft } from './use-rule-draft';

interface Props {
  rule: Rule;
  /** False for a rule not saved yet: it can be previewed and saved, not applied or deleted. */
  saved: boolean;
  tags: Tag[];
  onSaved: (rule: Rule) => void;
  onDeleted: () => void;
}

/**
 * Edits one rule: name, priority, conditions, actions. The background checks it before saving (a broken or
 * dangerous regular expression is refused, in words); "Aperçu" shows what it would catch in the store, and
 * warns when that is nearly everything.
 */
export function RuleEditor({ rule, saved, tags, onSaved, onDeleted }: Props) {
  const hubConnected = useHubConnected();
  const { dialog, ask } = useConfirm();
  const { draft, changed, preview, message, busy, canSave, canApply, set, setActions, setCondition, removeCondition, addCondition, save, runPreview, apply, remove } = useRuleDraft(rule, {
    saved,
    onSaved,
    onDeleted,
  });
  const byId = new Map(tags.map((tag) => [tag.id, tag]));
  const addButton = useRef<HTMLButtonElement>(null);
  // What the background would refuse, found as the member types, and said under the condition's terms.
  // A regex matching everything is let through (the preview warns of it).
  const problems = ruleProblems(draft).filter((problem) => problem.code !== 'matches-empty');

  return (
    <form class="rule-editor" aria-labelledby="rule-editor-title" onSubmit={(event) => (event.preventDefault(), canSave && void save())}>
      {dialog}
      <h2 id="rule-editor-title">{saved ? draft.name : t('ruleNew')}</h2>
      {/* What the rule looks for, then what it does: side by side when the editor is wide (rules.css). */}
      <div class="rule-editor__columns">
        <div class="rule-editor__column">
          <label>
            <span>{t('ruleName')}<Required /></span>
            <input type="text" required maxLength={200} value={draft.name} onInput={(event) => set({ name: event.currentTarget.value })} />
          </label>
          <label class="checkbox">
            <input type="checkbox" checked={draft.enabled} onChange={(event) => set({ enabled: event.currentTarget.checked })} />
            {t('ruleEnabled')}
          </label>
          <label>
            <span>{t('priorityLabel')}</span>
            <select value={draft.priority} onChange={(event) => set({ priority: event.currentTarget.value as Priority })}>
              {PRIORITIES.map((priority) => (
                <option value={priority}>{t(`priority_${priority}`)}</option>
              ))}
            </select>
          </label>
          <p class="rule-editor__hint">{t('ruleConditionsHint')}</p>
          {draft.conditions.map((condition, index) => (
            <ConditionFields
              problems={problems.filter((problem) => problem.condition === index).map((problem) => ruleProblemWords(problem, t))}
              index={index}
              condition={condition}
              onChange={(next) => setCondition(index, next)}
              onRemove={
                removeCondition &&
                (() => {
                  removeCondition(index);
                  // Its « Retirer » went with it: focus goes to « Ajouter une condition » (RGAA 12.8).
                  focusSoon(() => addButton.current);
                })
              }
            />
          ))}
          <button type="button" class="button button--quiet" ref={addButton} onClick={addCondition}>
            {t('ruleConditionAdd')}
          </button>
        </div>
        <div class="rule-editor__column">
          <fieldset class="rule-editor__actions">
            <legend>{t('ruleActions')}</legend>
            <label class="checkbox">
              <input type="checkbox" checked={draft.actions.alert} onChange={(event) => setActions({ alert: event.currentTarget.checked })} />
              {t('ruleActionAlert')}
            </label>
            <label class="checkbox">
              <input type="checkbox" checked={draft.actions.notify} onChange={(event) => setActions({ notify: event.currentTarget.checked })} />
              {t('ruleActionNotify')}
            </label>
            <label class="checkbox">
              <input type="checkbox" checked={draft.actions.star} onChange={(event) => setActions({ star: event.currentTarget.checked })} />
              {t('ruleActionStar')}
            </label>
            <label>
              <span>{t('ruleActionImpact')}</span>
              <select value={draft.actions.impact ?? ''} onChange={(event) => setActions({ impact: (event.currentTarget.value || undefined) as Impact | undefined })}>
                <option value="">{t('ruleActionImpactNone')}</option>
                {IMPACTS.map((impact) => (
                  <option value={impact}>{t(`impact_${impact}`)}</option>
                ))}
              </select>
            </label>
            <div class="rule-editor__tags">
              <span>{t('ruleActionTags')}</span>
              {draft.actions.addTags.map((id) => (
                <TagChip id={id} tag={byId.get(id)} onRemove={() => setActions({ addTags: draft.actions.addTags.filter((tag) => tag !== id) })} />
              ))}
              <TagPicker tags={tags} exclude={draft.actions.addTags} label={t('ruleActionTagsAdd')} onPick={(tag) => setActions({ addTags: [...draft.actions.addTags, tag.id] })} onCreate={createPersonalTag} />
            </div>
            <label class="checkbox">
              <input type="checkbox" checked={draft.actions.proposeShare} onChange={(e) => setActions({ proposeShare: e.currentTarget.checked })} aria-describedby="rule-share-help" />
              {t('ruleActionShare')}
            </label>
            {/* Said as things stand: once the hub is connected, no « une fois le hub connecté ». */}
            <small id="rule-share-help">{hubConnected ? t('ruleActionShareHelpConnected') : t('ruleActionShareHelp')}</small>
          </fieldset>
          <div class="rule-editor__buttons">
            {/* aria-disabled once saved: a disabled button would drop focus to the page (RGAA 12.8). */}
            <button type="submit" class="button" aria-disabled={!canSave}>
              {t('ruleSave')}
            </button>
            <button type="button" class="button button--quiet" aria-disabled={busy} onClick={() => !busy && void runPreview()}>
              {t('rulePreview')}
            </button>
            {saved && (
              <button
                type="button"
                class="button button--quiet"
                disabled={changed}
                aria-disabled={busy}
                title={changed ? t('ruleApplySaveFirst') : undefined}
                onClick={() => canApply && void apply()}
              >
                {t('ruleApply')}
              </button>
            )}
            {/* Why « Appliquer » waits, said on the page, not only on hover (RGAA 12.11). */}
            {saved && changed && <small class="rule-editor__hint">{t('ruleApplySaveFirst')}</small>}
            {saved && (
              <button
                type="button"
                class="button button--quiet button--danger-quiet"
                disabled={busy}
                onClick={() => void ask(t('ruleDeleteConfirm', [draft.name]), { yes: t('ruleDelete'), danger: true }).then((yes) => { if (yes) void remove(); })}
              >
                {t('ruleDelete')}
              </button>
            )}
          </div>
          <StatusLine said={message} base="status" />
          {preview && (
            <section class="rule-preview" aria-live="polite" aria-labelledby="rule-preview-title">
              <h3 id="rule-preview-title">{t('rulePreviewTitle')}</h3>
              <p>{countText('rulePreviewCount', preview.matched, formatNumber(preview.total))}</p>
              {preview.matchesEverything && (
                <p class="problem" role="alert">
                  {t('rulePreviewEverything')}
                </p>
              )}
              <ul>
                {preview.sample.map((item) => (
                  <li key={item.id}>
                    <span lang={item.title ? item.language : undefined}>{item.title || t('untitled')}</span> <span class="muted">· {item.sourceTitle}</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
      </div>
    </form>
  );
}
