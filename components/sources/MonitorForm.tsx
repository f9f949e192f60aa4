import { useRef, useState } from 'preact/hooks';
import { errorText } from '@/components/ui/error-text';
import { t } from '@/lib/i18n/browser';
import { request } from '@/lib/messages/client';
import { RangeSelectorSchema, type PartSelector } from '@/lib/model/source';
import { monitorConfigFromDeclaration, type DeclaredMonitor } from '@/lib/monitors/declaration';
import { describeSelector } from '@/lib/monitors/extract';
import { CURATED_CATEGORIES } from '@/lib/packs/curated-sources';
import { countText } from '../ui/count';
import { focusSoon } from '../ui/focus';
import { usePermission } from '../ui/permission';
import { PermissionWait } from '../ui/PermissionWait';
import { Required } from '../ui/Required';
import type { Said } from '../ui/StatusLine';

const lines = (text: string) => text.split('\n').map((line) => line.trim()).filter(Boolean);

/** One selector per line; a range as OTA writes it, `{"startBefore": "…", "endBefore": "…"}`. */
function parts(text: string): PartSelector[] {
  return lines(text).map((line) => {
    if (!line.startsWith('{')) return line;
    const range = RangeSelectorSchema.safeParse(JSON.parse(line));
    if (!range.success) throw new Error(line);
    return range.data;
  });
}

/**
 * Watching a page that has no feed (a changelog, a policy page): its address, the parts to keep and to drop
 * as CSS selectors, or an Open Terms Archive declaration pasted as is. Vigie asks for the site at the click,
 * reads the page once (its first text is the baseline), and shows its health like any source's.
 */
export function MonitorForm({ say }: { say: (said: Said) => void }) {
  const [url, setUrl] = useState('');
  const [title, setTitle] = useState('');
  const [select, setSelect] = useState('');
  const [remove, setRemove] = useState('');
  const [interval, setIntervalMinutes] = useState('360');
  const [retention, setRetention] = useState('20');
  // A field the form refuses says why under itself, tied to it (RGAA 11.10), and takes focus.
  const [problem, setProblem] = useState<{ field: 'url' | 'select' | 'remove'; text: string }>();
  const form = useRef<HTMLFormElement>(null);
  const refuse = (field: 'url' | 'select' | 'remove', text: string) => {
    setProblem({ field, text });
    say({ kind: 'error', text });
    focusSoon(() => form.current?.querySelector<HTMLElement>(`#watch-${field}`));
  };
  const fieldProps = (field: 'url' | 'select' | 'remove', hint?: string) => {
    const wrong = problem?.field === field;
    const described = [wrong ? `watch-${field}-problem` : '', hint ?? ''].filter(Boolean).join(' ');
    return { id: `watch-${field}`, 'aria-invalid': wrong || undefined, 'aria-describedby': described || undefined };
  };
  const problemOf = (field: 'url' | 'select' | 'remove') =>
    problem?.field === field && (
      <span id={`watch-${field}-problem`} class="field__error">
        {problem.text}
      </span>
    );
  const [declaration, setDeclaration] = useState('');
  const [declared, setDeclared] = useState<DeclaredMonitor[]>([]);
  /** The declared document the form was filled from: its pages, filters and OTA feed go with it. */
  const [chosen, setChosen] = useState<DeclaredMonitor | undefined>();
  /** The OTA feeds followed from this declaration: their buttons say it is done. */
  const [followed, setFollowed] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  // The page's own ask, beside the form's button; the OTA feed's, beside the button of the document asked for.
  const pagePermission = usePermission(say);
  const otaPermission = usePermission(say);
  const [otaAsked, setOtaAsked] = useState<string>();

  const fill = (monitor: DeclaredMonitor) => {
    setUrl(monitor.url);
    setTitle(monitor.title);
    setSelect(monitor.select.map(describeSelector).join('\n'));
    setRemove(monitor.remove.map(describeSelector).join('\n'));
    setChosen(monitor);
  };

  /** A document OTA reads after the page's scripts ran: followed through OTA's versions instead (the default). */
  const followOta = async (monitor: DeclaredMonitor) => {
    if (!monitor.otaFeed) return;
    setOtaAsked(monitor.otaFeed);
    // First await of the handler (see askToRead); a refusal or a cancel is already said.
    if (!(await otaPermission.ask(monitor.otaFeed))) return;
    setBusy(true);
    say({ kind: 'info', text: t('addSourceAdding') });
    try {
      const source = await request('addSource', { url: monitor.otaFeed, category: CURATED_CATEGORIES.terms });
      setFollowed((done) => [...done, monitor.otaFeed!]);
      say({ kind: 'ok', text: t('watchFollowedOta', [source.title]) });
    } catch (error) {
      say({ kind: 'error', text: errorText(error) });
    } finally {
      setBusy(false);
    }
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
          : { kind: 'info', text: refused ? countText('watchDeclarationReadSome', found.monitors.length, refused) : countText('watchDeclarationRead', found.monitors.length) },
      );
    } catch (error) {
      say({ kind: 'error', text: t('watchDeclarationInvalid', [errorText(error)]) });
    }
  };

  const add = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setProblem(undefined);
    let address: string;
    try {
      address = new URL(url.trim()).href;
    } catch {
      refuse('url', t('addSourceBadAddress'));
      return;
    }
    // First await of the handler: the browser shows its prompt only during the member's gesture. A refusal
    // or a cancel is already said.
    if (!(await pagePermission.ask(address))) return;
    let selectParts: PartSelector[];
    let removeParts: PartSelector[];
    try {
      selectParts = parts(select);
    } catch (error) {
      refuse('select', t('watchRangeInvalid', [errorText(error)]));
      return;
    }
    try {
      removeParts = parts(remove);
    } catch (error) {
      refuse('remove', t('watchRangeInvalid', [errorText(error)]));
      return;
    }
    // The declared document's pages, filters and the rest, if the form still watches its address.
    const declaredFor = chosen && chosen.url === address ? chosen : undefined;
    setBusy(true);
    say({ kind: 'info', text: t('watchAdding') });
    try {
      const source = await request('addMonitor', {
        url: address,
        ...(title.trim() ? { title: title.trim() } : {}),
        select: selectParts,
        remove: removeParts,
        ...(declaredFor?.replace.length ? { replace: declaredFor.replace } : {}),
        ...(declaredFor?.pages ? { pages: declaredFor.pages } : {}),
        ...(declaredFor?.unappliedFilters.length ? { unappliedFilters: declaredFor.unappliedFilters } : {}),
        intervalMinutes: Math.max(1, Math.round(Number(interval))),
        retention: Math.min(1000, Math.max(1, Math.round(Number(retention)))),
      });
      say(source.health.lastError ? { kind: 'error', text: t('watchAddedWithProblem', [source.title]) } : { kind: 'ok', text: t('watchAdded', [source.title]) });
      setUrl('');
      setTitle('');
      setSelect('');
      setRemove('');
      setChosen(undefined);
    } catch (error) {
      say({ kind: 'error', text: errorText(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="admin-section" aria-labelledby="watch-page-title">
      <h2 id="watch-page-title">{t('watchTitle')}</h2>
      <p class="field__hint">{t('watchHint')}</p>
      <form class="admin-form" onSubmit={add} ref={form}>
        <label class="field">
          <span class="field__label">{t('watchAddress')}<Required /></span>
          <input type="url" required value={url} placeholder="https://" {...fieldProps('url')} onInput={(event) => setUrl(event.currentTarget.value)} />
          {problemOf('url')}
        </label>
        <label class="field">
          <span class="field__label">{t('watchPageName')}</span>
          <input type="text" value={title} onInput={(event) => setTitle(event.currentTarget.value)} />
        </label>
        <label class="field">
          <span class="field__label">{t('watchSelect')}</span>
          <textarea rows={2} value={select} spellcheck={false} {...fieldProps('select', 'watch-select-hint')} onInput={(event) => setSelect(event.currentTarget.value)} />
          {problemOf('select')}
          <span id="watch-select-hint" class="field__hint">
            {t('watchSelectHint')}
          </span>
        </label>
        <label class="field">
          <span class="field__label">{t('watchRemove')}</span>
          <textarea rows={2} value={remove} spellcheck={false} {...fieldProps('remove')} onInput={(event) => setRemove(event.currentTarget.value)} />
          {problemOf('remove')}
        </label>
        <label class="field">
          <span class="field__label">{t('watchInterval')}<Required /></span>
          <input type="number" required min={1} step={1} class="input--short" value={interval} onInput={(event) => setIntervalMinutes(event.currentTarget.value)} />
        </label>
        <label class="field">
          <span class="field__label">{t('watchRetention')}<Required /></span>
          <input type="number" required min={1} max={1000} step={1} class="input--short" value={retention} onInput={(event) => setRetention(event.currentTarget.value)} />
        </label>
        <div class="admin-toolbar">
          <button type="submit" class="button" aria-disabled={busy}>
            {t('watchButton')}
          </button>
          <PermissionWait permission={pagePermission} />
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
        {declared.length > 0 && (
          <ul class="watch-declared">
            {declared.map((monitor) => (
              <li>
                <button type="button" class="link-button" onClick={() => fill(monitor)}>
                  {monitor.title}
                </button>
                {monitor.pages && <span class="muted"> · {t('watchCombined', [String(monitor.pages.length)])}</span>}
                {monitor.unappliedFilters.length > 0 && <span class="muted"> · {t('watchUnappliedFilters', [monitor.unappliedFilters.join(', ')])}</span>}
                {monitor.needsScripts && (
                  <span>
                    {' '}
                    · {t('watchNeedsScripts')}
                    {monitor.otaFeed && (
                      <>
                        {' '}
                        <button
                          type="button"
                          class="button button--quiet button--small"
                          disabled={busy || followed.includes(monitor.otaFeed)}
                          onClick={() => void followOta(monitor)}
                        >
                          {followed.includes(monitor.otaFeed) ? t('watchFollowingOta') : t('watchFollowOta')}
                        </button>
                        {otaAsked === monitor.otaFeed && (
                          <>
                            {' '}
                            <PermissionWait permission={otaPermission} small />
                          </>
                        )}
                      </>
                    )}
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </details>
    </section>
  );
}
