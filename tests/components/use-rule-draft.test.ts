// @vitest-environment happy-dom
import { act, cleanup, renderHook } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { blankRule, useRuleDraft } from '../../components/rules/use-rule-draft';
import { request, RequestError } from '../../lib/messages/client';
import type { Rule } from '../../lib/model/rule';
import { speakFrench } from './french';

/** The rule editor's draft, apart from its form: changes, the four requests, and what the member is told. */
vi.mock('../../lib/messages/client', async (importActual) => ({ ...(await importActual<object>()), request: vi.fn() }));
const requested = vi.mocked(request);

speakFrench();
afterEach(cleanup);
beforeEach(() => requested.mockReset());

const RULE: Rule = { ...blankRule(), id: 'user-elus', name: 'Élus' };

function setUp(options: { saved?: boolean } = {}) {
  const onSaved = vi.fn();
  const onDeleted = vi.fn();
  const hook = renderHook(() => useRuleDraft(RULE, { saved: options.saved ?? true, onSaved, onDeleted }));
  return { hook, onSaved, onDeleted, draft: () => hook.result.current };
}

describe('useRuleDraft', () => {
  it('starts a new rule with one condition on the title and text, raising an alert', () => {
    const rule = blankRule();
    expect(rule.id).toMatch(/^user-/);
    expect(rule.conditions).toEqual([{ fields: ['title', 'content'], mode: 'phrase', combine: 'any', terms: [] }]);
    expect(rule.actions).toMatchObject({ alert: true, notify: false, star: false, addTags: [] });
  });

  it('saves a stored rule only once changed, and applies it only while unchanged', () => {
    const { draft } = setUp();
    expect(draft()).toMatchObject({ changed: false, canSave: false, canApply: true });
    act(() => draft().set({ name: 'Élus locaux' }));
    expect(draft()).toMatchObject({ changed: true, canSave: true, canApply: false });
    expect(draft().draft.name).toBe('Élus locaux');
  });

  it('lets a rule not saved yet be saved as it is, never applied', () => {
    const { draft } = setUp({ saved: false });
    expect(draft()).toMatchObject({ canSave: true, canApply: false });
  });

  it('adds, changes and removes conditions, but keeps the last one', () => {
    const { draft } = setUp();
    act(() => draft().addCondition());
    expect(draft().draft.conditions).toHaveLength(2);
    act(() => draft().setCondition(1, { fields: ['title'], mode: 'words', combine: 'all', terms: ['maire'] }));
    expect(draft().draft.conditions[1]?.terms).toEqual(['maire']);
    act(() => draft().removeCondition?.(0));
    expect(draft().draft.conditions).toEqual([{ fields: ['title'], mode: 'words', combine: 'all', terms: ['maire'] }]);
    expect(draft().removeCondition).toBeUndefined();
  });

  it('changes the actions without losing the others', () => {
    const { draft } = setUp();
    act(() => draft().setActions({ notify: true }));
    act(() => draft().setActions({ addTags: ['elus'] }));
    expect(draft().draft.actions).toMatchObject({ alert: true, notify: true, addTags: ['elus'] });
  });

  it('saves the draft, takes what the background stored, and says so', async () => {
    const { draft, onSaved } = setUp({ saved: false });
    const stored = { ...RULE, updated: '2026-12-04T10:00:00.000Z' };
    requested.mockResolvedValueOnce(stored);
    await act(() => draft().save());
    expect(requested).toHaveBeenCalledWith('saveRule', { rule: RULE });
    expect(onSaved).toHaveBeenCalledWith(stored);
    expect(draft().draft).toEqual(stored);
    expect(draft().message).toEqual({ kind: 'ok', text: 'Règle enregistrée.' });
    expect(draft().busy).toBe(false);
  });

  it("words the background's refusal, and keeps the draft", async () => {
    const { draft, onSaved } = setUp();
    act(() => draft().set({ name: 'Élus (' }));
    const refused = new RequestError('invalid-rule', { problems: [{ code: 'invalid-regex', term: '(', detail: 'Unterminated group' }] });
    requested.mockRejectedValueOnce(refused);
    await act(() => draft().save());
    expect(onSaved).not.toHaveBeenCalled();
    expect(draft().message).toEqual({ kind: 'error', text: refused.message });
    expect(draft().draft.name).toBe('Élus (');
  });

  it('previews the draft, and drops the preview when the draft changes', async () => {
    const { draft } = setUp();
    const preview = { matched: 3, total: 10, matchesEverything: false, sample: [] };
    requested.mockResolvedValueOnce(preview);
    await act(() => draft().runPreview());
    expect(requested).toHaveBeenCalledWith('previewRule', { rule: RULE });
    expect(draft().preview).toEqual(preview);
    act(() => draft().set({ priority: 'critical' }));
    expect(draft().preview).toBeUndefined();
  });

  it('applies the stored rule and counts what it caught', async () => {
    const { draft } = setUp();
    requested.mockResolvedValueOnce({ matched: 4, alerts: 2 });
    await act(() => draft().apply());
    expect(requested).toHaveBeenCalledWith('applyRule', { id: RULE.id });
    expect(draft().message).toEqual({ kind: 'ok', text: '4 éléments concernés, 2 nouvelles alertes.' });
  });

  it('deletes the rule, then tells the view', async () => {
    const { draft, onDeleted } = setUp();
    requested.mockResolvedValueOnce({});
    await act(() => draft().remove());
    expect(requested).toHaveBeenCalledWith('deleteRule', { id: RULE.id });
    expect(onDeleted).toHaveBeenCalledOnce();
  });
});
