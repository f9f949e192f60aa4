import type { ComponentChildren } from 'preact';
import { useCallback, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n/browser';
import { Dialog } from './Dialog';

interface Asking {
  question: string;
  yes: string;
  danger: boolean;
}

/**
 * The app's own « are you sure? », instead of the browser's `confirm()` (a grey box in the browser's
 * language and look, which some managed browsers block). `ask` resolves with the member's answer; the
 * component renders `dialog` once, where it likes. The question's first sentence is the dialog's title.
 */
export function useConfirm(): { dialog: ComponentChildren; ask: (question: string, options?: { yes?: string; danger?: boolean }) => Promise<boolean> } {
  const [asking, setAsking] = useState<Asking>();
  const answer = useRef<(ok: boolean) => void>();
  const ask = useCallback(
    (question: string, options: { yes?: string; danger?: boolean } = {}) =>
      new Promise<boolean>((resolve) => {
        answer.current = resolve;
        setAsking({ question, yes: options.yes ?? t('confirmYes'), danger: options.danger ?? false });
      }),
    [],
  );
  const close = (ok: boolean) => {
    answer.current?.(ok);
    answer.current = undefined;
    setAsking(undefined);
  };
  const [title = '', more] = (asking?.question ?? '').split(/(?<=\?)\s+/, 2);
  const dialog = (
    <Dialog open={!!asking} title={title} onClose={() => close(false)}>
      {more && <p>{asking?.question.slice(title.length).trim()}</p>}
      <div class="dialog__actions">
        <button type="button" class={asking?.danger ? 'button button--danger' : 'button'} onClick={() => close(true)}>
          {asking?.yes}
        </button>
        <button type="button" class="button button--quiet" onClick={() => close(false)}>
          {t('cancel')}
        </button>
      </div>
    </Dialog>
  );
  return { dialog, ask };
}
