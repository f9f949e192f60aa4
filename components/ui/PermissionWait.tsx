import { t } from '@/lib/i18n/browser';
import { CANCEL_CLASS, type Permission } from './permission';

/**
 * Beside the button that asked, while the browser's prompt stays open: a way to stop waiting. The words
 * ("Autorisez l'accès à … dans la fenêtre du navigateur") are in the screen's status line, said by the hook.
 * Its name says what it cancels; its text starts the same, as what is seen must be in what is heard.
 * `small` beside a small button (a row's "Autoriser").
 */
export function PermissionWait({ permission, small }: { permission: Permission; small?: boolean }) {
  if (!permission.waiting) return null;
  return (
    <button type="button" class={`button button--quiet${small ? ' button--small' : ''} ${CANCEL_CLASS}`} aria-label={t('permissionCancelLabel', [permission.waiting])} onClick={permission.cancel}>
      {t('cancel')}
    </button>
  );
}
