import { useState } from 'preact/hooks';
import { errorText } from '@/components/ui/error-text';
import { t } from '@/lib/i18n/browser';
import { request } from '@/lib/messages/client';
import type { Result } from '@/lib/messages/protocol';
import type { Condition, Rule } from '@/lib/model/rule';
import { countText } from '../ui/count';

/** A new rule as the editor starts it: one condition on the title and text, an alert, nothing else. */
export function blankRule(): Rule {
  return {
    id: `user-${crypto.randomUUID()}`,
    name: '',
    enabled: true,
    priority: 'important',
    conditions: [NEW_CONDITION],
    actions: { alert: true, addTags: [], star: false, notify: false, proposeShare: false },
    origin: 'user',
    updated: new Date().toISOString(),
  };
}

const NEW_CONDITION: Condition = { fields: ['title', 'content'], mode: 'phrase', combine: 'any', terms: [] };

export interface RuleDraftMessage {
  kind: 'ok' | 'error';
  text: string;
}

interface Options {
  /** False for a rule not saved yet: it can be previewed and saved, not applied or deleted. */
  saved: boolean;
  onSaved: (rule: Rule) => void;
  onDeleted: () => void;
}

/**
 * The rule being edited, apart from its form: the draft and its changes, and the four requests (save,
 * preview, apply, delete), one at a time. The background is the one that validates: a rule it refuses (a
 * broken or dangerous regular expression, an empty condition) comes back as an error message, in words. A
 * preview is of the draft it was asked for, so any change drops it.
 */
export function useRuleDraft(rule: Rule, { saved, onSaved, onDeleted }: Options) {
  const [draft, setDraft] = useState<Rule>(rule);
  const [preview, setPreview] = useState<Result<'previewRule'>>();
  const [message, setMessage] = useState<RuleDraftMessage>();
  const [busy, setBusy] = useState(false);
  const changed = JSON.stringify(draft) !== JSON.stringify(rule);

  const set = (change: Partial<Rule>) => {
    setDraft((current) => ({ ...current, ...change }));
    setPreview(undefined);
  };
  const setActions = (change: Partial<Rule['actions']>) => set({ actions: { ...draft.actions, ...change } });
  const setCondition = (index: number, next: Condition) => set({ conditions: draft.conditions.map((c, i) => (i === index ? next : c)) });
  // The last condition stays: a rule without one would match nothing the member could read.
  const removeCondition = draft.conditions.length > 1 ? (index: number) => set({ conditions: draft.conditions.filter((_, i) => i !== index) }) : undefined;
  const addCondition = () => set({ conditions: [...draft.conditions, NEW_CONDITION] });

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setMessage(undefined);
    try {
      await work();
    } catch (error) {
      setMessage({ kind: 'error', text: errorText(error) });
    } finally {
      setBusy(false);
    }
  };

  const save = () =>
    run(async () => {
      const stored = await request('saveRule', { rule: draft });
      setDraft(stored);
      onSaved(stored);
      setMessage({ kind: 'ok', text: t('ruleSaved') });
    });
  const runPreview = () => run(async () => setPreview(await request('previewRule', { rule: draft })));
  const apply = () =>
    run(async () => {
      const result = await request('applyRule', { id: draft.id });
      setMessage({ kind: 'ok', text: t('ruleApplied', [countText('ruleAppliedItems', result.matched), countText('ruleAppliedAlerts', result.alerts)]) });
    });
  const remove = () =>
    run(async () => {
      await request('deleteRule', { id: draft.id });
      onDeleted();
    });

  return {
    draft,
    changed,
    preview,
    message,
    busy,
    /** A saved rule is saved again only once changed. */
    canSave: !busy && !(saved && !changed),
    /** Applying runs the stored rule on the stored items: the draft must be saved first. */
    canApply: saved && !busy && !changed,
    set,
    setActions,
    setCondition,
    removeCondition,
    addCondition,
    save,
    runPreview,
    apply,
    remove,
  };
}
