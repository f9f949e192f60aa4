import { errorText } from '@/components/ui/error-text';
import { t } from '@/lib/i18n/browser';
import { request } from '@/lib/messages/client';
import { FileButton } from '../ui/FileButton';
import { saveFile } from '../ui/files';
import type { Said } from '../ui/StatusLine';

export const OPML_FILE_NAME = 'vigie-sources.opml';

/** The list of sources in and out as OPML, the file every feed reader exchanges. */
export function OpmlButtons({ say }: { say: (said: Said) => void }) {
  const importFile = async (file: { name: string; text: string }) => {
    say({ kind: 'info', text: t('opmlImporting', [file.name]) });
    try {
      const { added, skipped } = await request('importOpml', { text: file.text });
      say({ kind: 'ok', text: t('opmlImported', [String(added.length), String(skipped.length)]) });
    } catch (error) {
      say({ kind: 'error', text: errorText(error) });
    }
  };

  const exportFile = async () => {
    try {
      const { text } = await request('exportOpml', {});
      saveFile(OPML_FILE_NAME, text, 'text/x-opml');
      say({ kind: 'ok', text: t('opmlExported', [OPML_FILE_NAME]) });
    } catch (error) {
      say({ kind: 'error', text: errorText(error) });
    }
  };

  return (
    <div class="admin-toolbar__group" role="group" aria-label={t('opmlGroup')}>
      <FileButton label={t('opmlImport')} accept=".opml,.xml,text/x-opml,text/xml,application/xml" testId="opml-file" onFile={(file) => void importFile(file)} />
      <button type="button" class="button button--quiet" onClick={() => void exportFile()}>
        {t('opmlExport')}
      </button>
    </div>
  );
}
