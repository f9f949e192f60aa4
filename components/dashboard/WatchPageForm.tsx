import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n/browser';
import { request, RequestError } from '@/lib/messages/client';
import { monitorConfigFromDeclaration, type DeclaredMonitor } from '@/lib/monitors/declaration';
import { askToRead } from './permission';
import type { Said } from './StatusLine';

const lines = (text: string) => text.split('\n').map((line) => line.trim()).filter(Boolean);
const messageOf = (error: unknown) => (error instanceof RequestError || error instanceof Error ? error.message : String(error));

/**
 * Watching a page that has no feed (a changelog, a policy page): its address, the parts to keep and to drop
 * as CSS selectors, or an Open Terms Archive declaration pasted as is. Vigie asks for the site at the click,
 * reads the page once (its first text is the baseline), and shows its health like any source's.
 */
export function WatchPageForm({ say }: { say: (said: Said) => void }) {
  const [url, setUrl] = useState('');
  const [title, setTitle] = useState('');
  const [select, setSelect] = useState('');
  const [remove, setRemove] = useState('');
  const [interval, setIntervalMinutes] = useState('360');
  const [retention, setRetention] = useState('20');
  const [declaration, setDeclaration] = useState('');
  const [declared, setDeclared] = useState<DeclaredMonitor[]>([]);
  const [busy, setBusy] = useState(false);

  const fill = (monitor: DeclaredMonitor) => {
    setUrl(monitor.url);
    setTitle(monitor.title);
    setSelect(monitor.select.join('\n'));
    setRemove(monitor.remove.join('\n'));
  };

  const read = () => {
    try {
      const found = monitorConfigFromDeclaration(JSON.parse(declaration));
      setDeclared(found.monitors);
      if (found.monitors[0]) fill(found.monitors[0]);
      const refused = found.refused.map((document) => `${document.document} (${document.reason})`).join(', ');
      say(
        found.monitors.length === 0
          ? { kind: 'error', text: t('watchDeclarationNone', [refused]) }
          : { kind: 'info', text: refused ? t('watchDeclarationReadSome', [String(found.monitors.length), refused]) : t('watchDeclarationRead', [String(found.monitors.length)]) },
      );
    } catch (error) {
      say({ kind: 'error', text: t('watchDeclarationInvalid', [messageOf(error)]) });
    }
  };

  const add = async (event: Event) => {
    event.preventDefault();
    let address: string;
    try {
      address = new URL(url.trim()).href;
    } catch {
      say({ kind: 'error', text: t('addSourceBadAddress') });
      return;
    }
    // First await of the handler: the browser shows its prompt only during the member's gesture.
    if (!(await askToRead(address))) {
      say({ kind: 'error', text: t('permissionRefused', [new URL(address).origin]) });
      return;
    }
    setBusy(true);
    say({ kind: 'info', text: t('watchAdding') });
    try {
      const source = await request('addMonitor', {
        url: address,
        ...(title.trim() ? { title: title.trim() } : {}),
        select: lines(select),
        remove: lines(remove),
        intervalMinutes: Math.max(1, Math.round(Number(interval))),
        retention: Math.min(1000, Math.max(1, Math.round(Number(retention)))),
      });
      say(source.health.lastError ? { kind: 'error', text: t('watchAddedWithProblem', [source.title]) } : { kind: 'ok', text: t('watchAdded', [source.title]) });
      setUrl('');
      setTitle('');
      setSelect('');
      setRemove('');
    } catch (error) {
      say({ kind: 'error', text: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="admin-section" aria-labelledby="watch-page-title">
      <h2 id="watch-page-title">{t('watchTitle')}</h2>
      <p class="field__hint">{t('watchHint')}</p>
      <form class="admin-form" onSubmit={add}>
        <label class="field">
          <span class="field__label">{t('watchAddress')}</span>
          <input type="url" required value={url} placeholder="https://" onInput={(event) => setUrl(event.currentTarget.value)} />
        </label>
        <label class="field">
          <span class="field__label">{t('watchPageName')}</span>
          <input type="text" value={title} onInput={(event) => setTitle(event.currentTarget.value)} />
        </label>
        <label class="field">
          <span class="field__label">{t('watchSelect')}</span>
          <textarea rows={2} value={select} spellcheck={false} aria-describedby="watch-select-hint" onInput={(event) => setSelect(event.currentTarget.value)} />
          <span id="watch-select-hint" class="field__hint">
            {t('watchSelectHint')}
          </span>
        </label>
        <label class="field">
          <span class="field__label">{t('watchRemove')}</span>
          <textarea rows={2} value={remove} spellcheck={false} onInput={(event) => setRemove(event.currentTarget.value)} />
        </label>
        <label class="field">
          <span class="field__label">{t('watchInterval')}</span>
          <input type="number" required min={1} step={1} size={6} value={interval} onInput={(event) => setIntervalMinutes(event.currentTarget.value)} />
        </label>
        <label class="field">
          <span class="field__label">{t('watchRetention')}</span>
          <input type="number" required min={1} max={1000} step={1} size={6} value={retention} onInput={(event) => setRetention(event.currentTarget.value)} />
        </label>
        <div>
          <button type="submit" class="button" disabled={busy}>
            {t('watchButton')}
          </button>
        </div>
      </form>
      <details class="watch-declaration">
        <summary>{t('watchDeclarationTitle')}</summary>
        <label class="field">
          <span class="field__label">{t('watchDeclarationLabel')}</span>
          <textarea rows={5} value={declaration} spellcheck={false} onInput={(event) => setDeclaration(event.currentTarget.value)} />
        </label>
        <button type="button" class="button button--quiet" onClick={read} disabled={!declaration.trim()}>
          {t('watchDeclarationRead_button')}
        </button>
        {declared.length > 1 && (
          <ul>
            {declared.map((monitor) => (
              <li>
                <button type="button" class="link-button" onClick={() => fill(monitor)}>
                  {monitor.title}
                </button>
                {monitor.needsScripts && <span class="muted"> · {t('watchNeedsScripts')}</span>}
              </li>
            ))}
          </ul>
        )}
      </details>
    </section>
  );
}
