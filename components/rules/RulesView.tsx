import { useEffect, useState } from 'preact/hooks';
import { errorText } from '@/components/ui/error-text';
import { t } from '@/lib/i18n/browser';
import { onEvent, request } from '@/lib/messages/client';
import type { Rule } from '@/lib/model/rule';
import type { Tag } from '@/lib/model/tag';
import { formatRoute } from '@/lib/reader/route';
import { PriorityBadge } from '../alerts/PriorityBadge';
import { focusSoon } from '../ui/focus';
import { RuleEditor } from './RuleEditor';
import { blankRule } from './use-rule-draft';

/** Règles: the rules (the default pack's and the member's), one opened in the editor beside the list. */
export function RulesView({ selected, tags }: { selected?: string; tags: Tag[] }) {
  const [rules, setRules] = useState<Rule[]>();
  const [fresh, setFresh] = useState<Rule>();
  const [freshSaved, setFreshSaved] = useState(false);
  const [message, setMessage] = useState('');

  useEffect(() => {
    const load = () =>
      void request('listRules', {}).then(
        (list) => setRules(list.sort((a, b) => a.name.localeCompare(b.name, 'fr'))),
        (error: unknown) => setMessage(errorText(error)),
      );
    load();
    return onEvent((event) => event.event === 'rulesChanged' && load());
  }, []);

  // A new rule stays in its editor once saved, until the list (reloaded after the save) holds it: the same
  // editor goes on, its « Règle enregistrée. » said and focus kept (RGAA 12.8).
  const listed = rules?.find((rule) => rule.id === selected);
  const opened = listed ?? (fresh && (!selected || selected === fresh.id) ? fresh : undefined);
  const toggle = (rule: Rule, enabled: boolean) =>
    void request('saveRule', { rule: { ...rule, enabled } }).catch((error: unknown) => setMessage(errorText(error)));

  return (
    <div class="rules-view">
      <section class="rules-view__list" aria-labelledby="rules-title">
        <h1 id="rules-title">{t('navRules')}</h1>
        <p class="muted">{t('rulesIntro')}</p>
        <button
          type="button"
          class="button"
          onClick={() => {
            setFresh(blankRule());
            setFreshSaved(false);
            location.hash = formatRoute({ section: 'rules' });
            // The new rule's name is what to write first: focus goes there (RGAA 12.8).
            focusSoon(() => document.querySelector<HTMLElement>('.rule-editor input[type="text"]'));
          }}
        >
          {t('ruleNew')}
        </button>
        <ul class="rules">
          {rules?.map((rule) => (
            <li key={rule.id} class={rule.id === opened?.id ? 'rule rule--opened' : 'rule'}>
              <label class="checkbox">
                <input type="checkbox" checked={rule.enabled} onChange={(event) => toggle(rule, event.currentTarget.checked)} aria-label={t('ruleEnabledFor', [rule.name])} />
              </label>
              <a href={formatRoute({ section: 'rules', rule: rule.id })} onClick={() => setFresh(undefined)} aria-current={rule.id === opened?.id ? 'true' : undefined}>
                {rule.name}
              </a>
              <PriorityBadge priority={rule.priority} />
              {rule.origin === 'default' && <span class="muted">{t('ruleOriginDefault')}</span>}
            </li>
          ))}
        </ul>
        {/* Only what went wrong is said here: at once (RGAA 7.5). */}
        <p class="problem" role="alert">
          {message}
        </p>
      </section>
      {opened && (
        <RuleEditor
          key={opened.id}
          rule={opened}
          saved={!!listed || freshSaved}
          tags={tags}
          onSaved={(rule) => {
            if (!listed) {
              setFresh(rule);
              setFreshSaved(true);
            }
            location.hash = formatRoute({ section: 'rules', rule: rule.id });
          }}
          // The editor and its button go: focus-rescue.ts takes focus to the heading of Règles.
          onDeleted={() => (location.hash = formatRoute({ section: 'rules' }))}
        />
      )}
    </div>
  );
}
