import { t, uiLanguage } from '@/lib/i18n/browser';
import type { Tag } from '@/lib/model/tag';

/** A tag as a small label; its colour is a mark beside the text, never the only way it is told apart. */
/** `fallback`: the label another member gave a tag this browser does not know (a share carries it). */
export function TagChip({ tag, id, fallback, onRemove, removeLabel }: { tag?: Tag; id: string; fallback?: string; onRemove?: () => void; removeLabel?: string }) {
  const label = tag ? tag.label[uiLanguage() === 'fr' ? 'fr' : 'en'] : (fallback ?? id);
  return (
    <span class="tag-chip">
      <span class="swatch" style={{ background: tag?.color ?? '#6b7280' }} aria-hidden="true" />
      {label}
      {onRemove && (
        <button type="button" class="tag-chip__remove" onClick={onRemove} aria-label={removeLabel ?? t('removeTag', [label])}>
          ×
        </button>
      )}
    </span>
  );
}
