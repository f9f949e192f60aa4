// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { Tabs } from '../../components/popup/Tabs';

/** The popup's tabs follow the ARIA pattern: arrows move, the panel follows, one tab in the tab order. */
afterEach(cleanup);

function TwoTabs() {
  const [selected, setSelected] = useState<'news' | 'sources'>('news');
  return (
    <Tabs
      label="Contenu"
      selected={selected}
      onSelect={setSelected}
      tabs={[
        { id: 'news', label: 'Nouveautés', panel: <p>Liste</p> },
        { id: 'sources', label: 'Sources', panel: <p>Santé</p> },
      ]}
    />
  );
}

describe('Tabs', () => {
  it('shows the selected panel, labelled by its tab, with only that tab focusable', () => {
    render(<TwoTabs />);
    const [news, sources] = screen.getAllByRole('tab');
    expect(news?.getAttribute('aria-selected')).toBe('true');
    expect(news?.tabIndex).toBe(0);
    expect(sources?.tabIndex).toBe(-1);
    expect(screen.getByRole('tabpanel').textContent).toBe('Liste');
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe(news?.id);
  });

  it('moves with the arrow keys, wrapping around, and with Home / End', () => {
    render(<TwoTabs />);
    fireEvent.keyDown(screen.getByRole('tablist'), { key: 'ArrowRight' });
    expect(screen.getByRole('tabpanel').textContent).toBe('Santé');
    fireEvent.keyDown(screen.getByRole('tablist'), { key: 'ArrowRight' });
    expect(screen.getByRole('tabpanel').textContent).toBe('Liste');
    fireEvent.keyDown(screen.getByRole('tablist'), { key: 'End' });
    expect(screen.getByRole('tabpanel').textContent).toBe('Santé');
    fireEvent.keyDown(screen.getByRole('tablist'), { key: 'Home' });
    expect(screen.getByRole('tabpanel').textContent).toBe('Liste');
  });

  it('selects a tab on click', () => {
    render(<TwoTabs />);
    fireEvent.click(screen.getByRole('tab', { name: 'Sources' }));
    expect(screen.getByRole('tabpanel').textContent).toBe('Santé');
  });

  it('a tab with a count shows its short name and a pill, and is named in full for a screen reader', () => {
    render(
      <Tabs
        label="Contenu"
        selected="news"
        onSelect={() => undefined}
        tabs={[
          { id: 'news', label: 'Nouveautés', panel: <p>Liste</p> },
          { id: 'sources', label: 'Sources', count: { value: 12, said: 'en erreur', tone: 'error' }, panel: <p>Santé</p> },
        ]}
      />,
    );
    // The visible words start the name a screen reader says (WCAG 2.5.3, axe's label-content-name-mismatch).
    const sources = screen.getByRole('tab', { name: 'Sources 12 en erreur' });
    expect(sources.querySelector('.tabs__count--error')?.textContent).toBe('⚠ 12');
  });
});
