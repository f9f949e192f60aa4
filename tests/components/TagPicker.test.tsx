// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TagPicker } from '../../components/tags/TagPicker';
import type { Tag } from '../../lib/model/tag';
import { SHARED_TAXONOMY } from '../../lib/packs/taxonomy';
import { speakFrench } from './french';

/** The tag picker: suggestions by folded letters, keyboard choice, a new personal tag from what was typed. */
speakFrench();
afterEach(cleanup);

const TAGS: Tag[] = [...SHARED_TAXONOMY, { id: 'elus', label: { fr: 'Élus', en: 'Élus' }, scope: 'personal', color: '#1d6fb8' }];

function setUp(exclude: string[] = []) {
  const onPick = vi.fn();
  const onCreate = vi.fn(async (label: string): Promise<Tag> => ({ id: 'nouvelle', label: { fr: label, en: label }, scope: 'personal', color: '#2f7d32' }));
  render(<TagPicker tags={TAGS} exclude={exclude} label="Ajouter une étiquette" onPick={onPick} onCreate={onCreate} />);
  return { onPick, onCreate, input: screen.getByRole('combobox', { name: 'Ajouter une étiquette' }) };
}

const optionLabels = () => screen.queryAllByRole('option').map((option) => option.textContent);

describe('TagPicker', () => {
  it('suggests tags whose label contains the letters typed, accents and case ignored', () => {
    const { input } = setUp();
    fireEvent.input(input, { target: { value: 'ELU' } });
    expect(optionLabels()).toEqual(['Élus · personnelle']);
    fireEvent.input(input, { target: { value: 'portee' } });
    expect(optionLabels()).toEqual(['Algorithme / portée']);
  });

  it('lists every match, not the first eight: the list box scrolls', () => {
    const { input } = setUp();
    fireEvent.focus(input);
    expect(optionLabels()).toEqual([]);
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(optionLabels()).toHaveLength(TAGS.length);
    expect(TAGS.length).toBeGreaterThan(8);
  });

  it('moves with the arrows and adds the active suggestion with Enter', async () => {
    const { input, onPick } = setUp();
    fireEvent.input(input, { target: { value: 'pu' } });
    const labels = optionLabels();
    expect(labels.length).toBeGreaterThan(1);
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(screen.getAllByRole('option')[1]?.getAttribute('aria-selected')).toBe('true');
    expect(input.getAttribute('aria-activedescendant')).toBe(screen.getAllByRole('option')[1]?.id);
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(onPick).toHaveBeenCalledTimes(1));
    expect(onPick.mock.calls[0]?.[0].label.fr).toContain(String(labels[1]).split(' ·')[0]);
    expect((input as HTMLInputElement).value).toBe('');
  });

  it('creates a personal tag from a label no tag has', async () => {
    const { input, onPick, onCreate } = setUp();
    fireEvent.input(input, { target: { value: 'Réserve électorale 2027' } });
    fireEvent.keyDown(input, { key: 'Escape' });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(onCreate).toHaveBeenCalledWith('Réserve électorale 2027'));
    await waitFor(() => expect(onPick).toHaveBeenCalledWith(expect.objectContaining({ id: 'nouvelle' })));
  });

  it('does not propose the tags the item already has', () => {
    const { input } = setUp(['elus']);
    fireEvent.input(input, { target: { value: 'elu' } });
    expect(optionLabels()).toEqual([]);
  });
});
