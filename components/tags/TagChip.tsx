import { t, uiLanguage } from '@/lib/i18n/browser';
import type { Tag } from '@/lib/model/tag';

/**
 * Where focus goes when a tag's « × » takes its chip away (RGAA 12.8): the next chip's « × », else the previous
 * one's, else the field that adds tags beside the list. Unless the page already put focus somewhere.
 */
function focusAfterRemoval(button: HTMLElement): void {
  const chip = button.closest('.tag-chip');
  const list = chip?.parentElement;
  if (!chip || !list) return;
  const buttons = Array.from(list.querySelectorAll<HTMLElement>('.tag-chip__remove'));
  const at = buttons.indexOf(button);
  const target = buttons[at + 1] ?? buttons[at - 1] ?? list.querySelector<HTMLElement>('input') ?? list.parentElement?.querySelector<HTMLElement>('.tag-picker input');
  setTimeout(() => {
    const lost = !document.activeElement || document.activeElement === document.body || document.activeElement === button;
    if (lost && target?.isConnected) target.focus();
  }, 0);
}

/** A tag as a small label; its colour is a mark beside the text, never the only way it is told apart. */
/** `fallback`: the label another member gave a tag this browser does not know (a share carries it). */
export function TagChip({ tag, id, fallback, onRemove, removeLabel }: { tag?: Tag; id: string; fallback?: string; onRemove?: () => void; removeLabel?: string }) {
  const label = tag ? tag.label[uiLanguage() === 'fr' ? 'fr' : 'en'] : (fallback ?? id);
  return (
    <span class="tag-chip">
      <span class="swatch" style={{ background: tag?.color ?? '#6b7280' }} aria-hidden="true" />
      {label}
      {onRemove && (
        <button
          type="button"
          class="tag-chip__remove"
          onClick={(event) => {
            focusAfterRemoval(event.currentTarget);
            onRemove();
          }}
          aria-label={removeLabel ?? t('removeTag', [label])}
        >
          ×
        </button>
      )}
    </span>
  );
}
