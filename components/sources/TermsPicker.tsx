import { useState } from 'preact/hooks';
import { errorText } from '@/components/ui/error-text';
import { t, uiLanguage } from '@/lib/i18n/browser';
import { request } from '@/lib/messages/client';
import type { Source } from '@/lib/model/source';
import { documentLabel, OTA_CATALOG, OTA_COLLECTIONS, otaFeedUrl, type OtaCollectionId } from '@/lib/monitors/open-terms-archive';
import { CURATED_CATEGORIES } from '@/lib/packs/curated-sources';
import { usePermission } from '../ui/permission';
import { PermissionWait } from '../ui/PermissionWait';
import type { Said } from '../ui/StatusLine';

const ALL = '';

/**
 * Following Meta's terms through Open Terms Archive: a collection (EU in English, France in French), a service,
 * one document or all of them. Each is a feed of the archive's commits; each change then shows as a readable
 * diff. A document already followed is marked.
 */
export function TermsPicker({ sources, say }: { sources: Source[]; say: (said: Said) => void }) {
  const [collection, setCollection] = useState<OtaCollectionId>(uiLanguage() === 'fr' ? 'france' : 'pga');
  const services = OTA_CATALOG[collection];
  const [service, setService] = useState(services[0]?.service ?? '');
  const [document, setDocument] = useState(ALL);
  const [busy, setBusy] = useState(false);
  const permission = usePermission(say);
  const language = uiLanguage() === 'fr' ? 'fr' : 'en';
  const chosen = services.find((entry) => entry.service === service) ?? services[0];
  const url = chosen ? otaFeedUrl(collection, chosen.service, document === ALL ? undefined : document) : undefined;
  const followed = sources.some((source) => source.url === url);

  const follow = async (event: Event) => {
    event.preventDefault();
    if (!url || !chosen || busy) return;
    // First await of the handler (see askToRead); a refusal or a cancel is already said.
    if (!(await permission.ask(url))) return;
    setBusy(true);
    say({ kind: 'info', text: t('addSourceAdding') });
    const name = document === ALL ? chosen.service : `${chosen.service} — ${documentLabel(document, language)}`;
    try {
      const source = await request('addSource', { url, title: `${name} (Open Terms Archive, ${OTA_COLLECTIONS[collection].language.toUpperCase()})`, category: CURATED_CATEGORIES.terms });
      say({ kind: 'ok', text: t('addSourceDone', [source.title]) });
    } catch (error) {
      say({ kind: 'error', text: errorText(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="admin-section" aria-labelledby="terms-picker-title">
      <h2 id="terms-picker-title">{t('termsTitle')}</h2>
      <p class="field__hint">{t('termsHint')}</p>
      <form class="add-source" onSubmit={follow}>
        <label class="field">
          <span class="field__label">{t('termsCollection')}</span>
          <select
            value={collection}
            onChange={(event) => {
              const next = event.currentTarget.value as OtaCollectionId;
              setCollection(next);
              setService(OTA_CATALOG[next][0]?.service ?? '');
              setDocument(ALL);
            }}
          >
            <option value="france">{t('termsCollectionFrance')}</option>
            <option value="pga">{t('termsCollectionEu')}</option>
          </select>
        </label>
        <label class="field">
          <span class="field__label">{t('termsService')}</span>
          <select value={chosen?.service} onChange={(event) => (setService(event.currentTarget.value), setDocument(ALL))}>
            {services.map((entry) => (
              <option value={entry.service}>{entry.service}</option>
            ))}
          </select>
        </label>
        <label class="field">
          <span class="field__label">{t('termsDocument')}</span>
          <select value={document} onChange={(event) => setDocument(event.currentTarget.value)}>
            <option value={ALL}>{t('termsAllDocuments')}</option>
            {chosen?.documents.map((type) => (
              <option value={type}>{documentLabel(type, language)}</option>
            ))}
          </select>
        </label>
        <button type="submit" class="button" disabled={followed} aria-disabled={busy}>
          {followed ? t('termsFollowed') : t('termsFollow')}
        </button>
        <PermissionWait permission={permission} />
      </form>
    </section>
  );
}
