import { t } from '@/lib/i18n/browser';

/** Announced to screen readers when it changes (aria-live). */
export function NewCount({ count }: { count: number }) {
  const text = count === 0 ? t('newItemsNone') : count === 1 ? t('newItemsOne') : t('newItems', [String(count)]);
  return (
    <p class="new-count" role="status" data-count={count}>
      {text}
    </p>
  );
}
