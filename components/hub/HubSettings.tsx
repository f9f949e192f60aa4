import { useEffect, useState } from 'preact/hooks';
import { errorText } from '@/components/ui/error-text';
import { hubAddressesToTry } from '@/lib/hub/connection';
import { t, uiLanguage } from '@/lib/i18n/browser';
import { fullDate } from '@/lib/i18n/dates';
import { onEvent, request, RequestError } from '@/lib/messages/client';
import type { HubStatus } from '@/lib/messages/requests/hub';
import { useConfirm } from '../ui/confirm';
import { countText } from '../ui/count';
import { usePermission } from '../ui/permission';
import { PermissionWait } from '../ui/PermissionWait';
import { Required } from '../ui/Required';
import type { Said } from '../ui/StatusLine';
import { HubAdmin } from './HubAdmin';
import { HubProblem } from './HubProblem';
import { HubVersion } from './HubVersion';
import { PendingList } from './PendingList';
import { namesText } from './share-item';


/**
 * Paramètres → Hub du COPIL: connect with the hub's address and an invite code, see the connection (who,
 * where, last sync, what went wrong, what waits to be sent), sync now, disconnect.
 */
export function HubSettings({ say }: { say: (said: Said) => void }) {
  const { dialog, ask } = useConfirm();
  const [status, setStatus] = useState<HubStatus>();
  const [url, setUrl] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const permission = usePermission(say);

  useEffect(() => {
    const load = () => void request('hubStatus', {}).then(setStatus);
    load();
    return onEvent((event) => {
      if (event.event === 'hubChanged') load();
    });
  }, []);

  const run = async (work: () => Promise<HubStatus>, done?: string) => {
    if (busy) return;
    setBusy(true);
    try {
      setStatus(await work());
      if (done) say({ kind: 'ok', text: t(done) });
    } catch (error) {
      say({ kind: 'error', text: errorText(error) });
      setStatus(await request('hubStatus', {}));
    } finally {
      setBusy(false);
    }
  };

  const connect = async (event: Event) => {
    event.preventDefault();
    const addresses = hubAddressesToTry(url);
    const [base, ...others] = addresses;
    if (!base) return say({ kind: 'error', text: t('hubError_invalid_url', [url]) });
    // Asked here, at the click: the browser shows its prompt only for a user gesture. For the hub's host, port
    // left out: Firefox refuses a pattern with one (the request threw, and the click said nothing); a pattern
    // without a port covers every port. Both schemes in one prompt when none was typed. A refusal or a
    // cancel is already said.
    const asked = await permission.ask(base, { refused: (origin) => t('hubPermissionDenied', [origin]), also: others });
    if (!asked) return;
    say({ kind: 'info', text: t('hubConnecting') });
    setBusy(true);
    const failed: string[] = [];
    try {
      for (const [index, address] of addresses.entries()) {
        try {
          setStatus(await request('hubConnect', { url: address, code }));
          say({ kind: 'ok', text: t('hubSynced') });
          setCode('');
          return;
        } catch (error) {
          const unreachable = error instanceof RequestError && error.info.code === 'hub-unreachable';
          failed.push(`${address} : ${error instanceof RequestError ? (error.info.params?.detail ?? error.message) : String(error)}`);
          // Only an address that did not answer lets the next be tried: a hub's refusal (a used code) is final.
          if (unreachable && index < addresses.length - 1) continue;
          const words = unreachable ? t('hubNoAnswerAt', [namesText(addresses.slice(0, failed.length), uiLanguage(), 'disjunction')]) : errorText(error);
          say({ kind: 'error', text: words, detail: failed.join('\n') });
          setStatus(await request('hubStatus', {}));
          return;
        }
      }
    } finally {
      setBusy(false);
    }
  };

  const disconnect = async () => {
    if (!(await ask(countText('hubDisconnectConfirm', status?.pending.length ?? 0), { yes: t('hubDisconnect'), danger: true }))) return;
    void run(() => request('hubDisconnect', {}), 'hubDisconnected');
  };

  if (!status) return <section class="admin-section" aria-busy="true" />;
  const language = uiLanguage();
  return (
    <section class="admin-section" aria-labelledby="hub-title">
      {dialog}
      <h2 id="hub-title">{t('hubTitle')}</h2>
      {!status.connected ? (
        <form class="admin-form" onSubmit={(event) => void connect(event)}>
          <p class="admin-note">{t('hubIntro')}</p>
          <label class="field">
            <span class="field__label">{t('hubUrlLabel')}<Required /></span>
            <input type="text" inputMode="url" autoComplete="url" spellcheck={false} required value={url} placeholder="https://veille.example.fr" onInput={(e) => setUrl(e.currentTarget.value)} />
          </label>
          <label class="field">
            <span class="field__label">{t('hubCodeLabel')}<Required /></span>
            <input type="text" autoComplete="off" spellcheck={false} required value={code} placeholder="XXXX-XXXX-XXXX-XXXX" onInput={(e) => setCode(e.currentTarget.value)} />
          </label>
          <button type="submit" class="button" aria-disabled={busy} aria-busy={busy}>
            {busy ? t('hubConnecting') : t('hubConnect')}
          </button>
          <PermissionWait permission={permission} />
        </form>
      ) : (
        <>
          <p class="hub-state" data-hub-state="connected">
            {t('hubConnected', [status.hubName ?? '', status.url ?? '', status.member?.name ?? '', t(`hubRole_${status.member?.role ?? 'member'}`)])}{' '}
            {status.lastPull ? t('hubLastPull', [fullDate(status.lastPull, language)]) : t('hubNeverPulled')}
            {status.hubVersion && <> {t('hubVersion', [status.hubVersion])}</>}
          </p>
          <HubProblem problem={status.problem} />
          <HubVersion status={status} />
          <div class="hub-actions">
            <button type="button" class="button button--small" aria-disabled={busy} onClick={() => void run(() => request('hubSync', {}), 'hubSynced')}>
              {t('hubSyncNow')}
            </button>
            <button type="button" class="button button--small button--quiet" aria-disabled={busy} onClick={() => void disconnect()}>
              {t('hubDisconnect')}
            </button>
          </div>
          {status.member?.role === 'admin' && !status.problem && <HubAdmin say={say} me={status.member.id} />}
          {status.feedUrl && (
            <label class="field hub-feed">
              <span class="field__label">{t('hubFeedLabel')}</span>
              <input type="text" readOnly value={status.feedUrl} onFocus={(e) => e.currentTarget.select()} />
            </label>
          )}
        </>
      )}
      <PendingList pending={status.pending} onDiscard={(seq) => void run(() => request('discardPending', { seq }))} />
    </section>
  );
}
