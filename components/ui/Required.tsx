import { t } from '@/lib/i18n/browser';

/**
 * « (obligatoire) » in the label of a field that must be filled, seen before the form is sent (RGAA 11.10).
 * Part of the field's name too, as French public sites do: a screen reader hears it where it hears the label.
 */
export function Required() {
  return (
    <span class="field__required">
      {' '}
      {t('fieldRequired')}
    </span>
  );
}
