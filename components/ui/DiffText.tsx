import { t } from '@/lib/i18n/browser';
import type { DiffPart } from '@/lib/model/change';

/**
 * A word diff's parts as text: what was added and removed marked by underline and strike-through (never
 * colour alone) and said in words for screen readers. The policy watch's changes and the fiches' versions.
 */
export function DiffText({ parts, class: className = 'change__text' }: { parts: readonly DiffPart[]; class?: string }) {
  return (
    <p class={className}>
      {parts.map((part) =>
        part.op === 'insert' ? (
          <ins>
            <span class="visually-hidden">[{t('changeAdded')} : </span>
            {part.text}
            <span class="visually-hidden">]</span>
          </ins>
        ) : part.op === 'delete' ? (
          <del>
            <span class="visually-hidden">[{t('changeRemoved')} : </span>
            {part.text}
            <span class="visually-hidden">]</span>
          </del>
        ) : (
          <span>{part.text}</span>
        ),
      )}
    </p>
  );
}
