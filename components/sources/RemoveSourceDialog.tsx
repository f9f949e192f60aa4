import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n/browser';
import type { Source } from '@/lib/model/source';
import { Dialog } from '../ui/Dialog';

/** Deleting a source asks first, and asks what becomes of its items: kept (the default) or deleted with it. */
export function RemoveSourceDialog({ source, onConfirm, onClose }: { source?: Source; onConfirm: (keepItems: boolean) => void; onClose: () => void }) {
  return (
    <Dialog open={!!source} title={t('removeSourceTitle', [source?.title ?? ''])} onClose={onClose}>
      {source && <RemoveChoice source={source} onConfirm={onConfirm} onClose={onClose} />}
    </Dialog>
  );
}

function RemoveChoice({ source, onConfirm, onClose }: { source: Source; onConfirm: (keepItems: boolean) => void; onClose: () => void }) {
  const [keepItems, setKeepItems] = useState(true);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onConfirm(keepItems);
      }}
    >
      {source.origin === 'curated' && <p>{t('removeSourceCurated')}</p>}
      <fieldset class="dialog__choices">
        <legend>{t('removeSourceItems')}</legend>
        <label>
          <input type="radio" name="keep-items" checked={keepItems} onChange={() => setKeepItems(true)} /> {t('removeSourceKeep')}
        </label>
        <label>
          <input type="radio" name="keep-items" checked={!keepItems} onChange={() => setKeepItems(false)} /> {t('removeSourceDrop')}
        </label>
      </fieldset>
      <div class="dialog__actions">
        <button type="submit" class="button button--danger">
          {t('removeSourceConfirm')}
        </button>
        <button type="button" class="button button--quiet" onClick={onClose}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
