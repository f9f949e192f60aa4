import { t } from '@/lib/i18n/browser';

/**
 * The technical words behind an error (a browser's, a parser's, a server's; often English), folded under
 * « Détails »: the member reads the error in words, whoever helps them reads these.
 */
export function ErrorDetails({ detail }: { detail?: string | undefined }) {
  if (!detail) return null;
  return (
    <details class="error-details">
      <summary>{t('details')}</summary>
      <code>{detail}</code>
    </details>
  );
}
