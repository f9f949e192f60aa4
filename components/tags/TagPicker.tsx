import { useEffect, useId, useState } from 'preact/hooks';
import { t, uiLanguage } from '@/lib/i18n/browser';
import type { Tag } from '@/lib/model/tag';
import { fold } from '@/lib/text/fold';

interface Props {
  tags: Tag[];
  /** Tag ids already on the item(s): not proposed again. */
  exclude?: string[];
  onPick: (tag: Tag) => void;
  /** Creates a personal tag from what was typed, when no tag matches. */
  onCreate: (label: string) => Promise<Tag | undefined>;
  label: string;
}

/**
 * Adds a tag by typing: suggestions follow the letters typed (accents and case ignored), ↑/↓ choose,
 * Enter adds, Escape closes. A label no tag has creates a personal tag. (ARIA combobox pattern.)
 */
export function TagPicker({ tags, exclude = [], onPick, onCreate, label }: Props) {
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const id = useId();
  const language = uiLanguage() === 'fr' ? 'fr' : 'en';
  const wanted = fold(text.trim());
  const suggestions = tags
    .filter((tag) => !exclude.includes(tag.id))
    .filter((tag) => !wanted || fold(`${tag.label.fr} ${tag.label.en} ${tag.id}`).includes(wanted));
  const exact = tags.some((tag) => fold(tag.label[language]) === wanted);
  // Every match is listed (the list scrolls): the option the arrows reach stays in view.
  const activeId = open && suggestions[active] ? `${id}-${suggestions[active].id}` : undefined;
  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);

  const pick = async (tag?: Tag) => {
    const chosen = tag ?? (wanted && !exact ? await onCreate(text.trim()) : undefined);
    if (chosen) onPick(chosen);
    setText('');
    setOpen(false);
    setActive(0);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    // The list opens as the member types or asks for it (↓), not on focus: over a form, it would hide the fields below.
    if (event.key === 'ArrowDown' && !open) setOpen(true);
    else if (event.key === 'ArrowDown') setActive((a) => Math.min(a + 1, suggestions.length - 1));
    else if (event.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
    // Escape closes the suggestions; with none open it is left to what holds the field (the pane closes).
    else if (event.key === 'Escape' && open) setOpen(false);
    else if (event.key === 'Enter') void pick(open ? suggestions[active] : undefined);
    else return;
    event.preventDefault();
  };

  return (
    <div class="tag-picker">
      <label for={`${id}-input`}>{label}</label>
      <input
        id={`${id}-input`}
        type="text"
        role="combobox"
        aria-expanded={open && suggestions.length > 0}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={activeId}
        value={text}
        placeholder={t('tagPickerPlaceholder')}
        onInput={(event) => {
          setText(event.currentTarget.value);
          setOpen(true);
          setActive(0);
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      {open && suggestions.length > 0 && (
        <ul id={`${id}-list`} role="listbox" class="tag-picker__list" aria-label={label}>
          {suggestions.map((tag, index) => (
            <li
              id={`${id}-${tag.id}`}
              role="option"
              aria-selected={index === active}
              class={index === active ? 'tag-picker__option tag-picker__option--active' : 'tag-picker__option'}
              // Pressing keeps focus in the field (no blur closing the list); the tag is added on release,
              // so that a press can be abandoned by moving away (RGAA 13.11, WCAG 2.5.2).
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => void pick(tag)}
            >
              <span class="swatch" style={{ background: tag.color }} aria-hidden="true" />
              {tag.label[language]}
              {tag.scope === 'personal' && <span class="tag-picker__scope"> · {t('tagPersonal')}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
