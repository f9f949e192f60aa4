import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import { formatNumber } from '../ui/count';

interface Tab<Id extends string> {
  id: Id;
  label: string;
  /**
   * With a count, the tab shows `label` and the number in a pill, so that four tabs fit the popup on one line;
   * `said` completes it for a screen reader (« Sources 12 en erreur »), the visible text staying the start of the
   * name (WCAG 2.5.3).
   */
  count?: { value: number; said?: string; tone?: 'error' };
  panel: ComponentChildren;
}

/** ARIA tabs: ←/→ (and Home/End) move between tabs, the panel follows; only the selected tab is in the tab order. */
export function Tabs<Id extends string>({ tabs, selected, onSelect, label }: { tabs: Tab<Id>[]; selected: Id; onSelect: (id: Id) => void; label: string }) {
  const list = useRef<HTMLDivElement>(null);
  const index = tabs.findIndex((tab) => tab.id === selected);
  const go = (to: number) => {
    const next = tabs[(to + tabs.length) % tabs.length];
    if (!next) return;
    onSelect(next.id);
    list.current?.querySelector<HTMLElement>(`#tab-${next.id}`)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 };
    const to = moves[event.key];
    if (to === undefined) return;
    event.preventDefault();
    go(to);
  };
  const current = tabs[index];
  return (
    <div class="tabs">
      <div ref={list} role="tablist" aria-label={label} class="tabs__list" onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            type="button"
            role="tab"
            id={`tab-${tab.id}`}
            aria-selected={tab.id === selected}
            aria-controls={`panel-${tab.id}`}
            tabIndex={tab.id === selected ? 0 : -1}
            class="tabs__tab"
            onClick={() => onSelect(tab.id)}
          >
            {tab.label}
            {tab.count && (
              <>
                {' '}
                <span class={`tabs__count${tab.count.tone ? ` tabs__count--${tab.count.tone}` : ''}`}>
                  {/* An error count is told by a sign, not by its red alone (RGAA 3.1). */}
                  {tab.count.tone === 'error' && <span aria-hidden="true">⚠ </span>}
                  {formatNumber(tab.count.value)}
                </span>
                {tab.count.said && <span class="visually-hidden"> {tab.count.said}</span>}
              </>
            )}
          </button>
        ))}
      </div>
      {current && (
        <div role="tabpanel" id={`panel-${current.id}`} aria-labelledby={`tab-${current.id}`} tabIndex={0} class="tabs__panel">
          {current.panel}
        </div>
      )}
    </div>
  );
}
