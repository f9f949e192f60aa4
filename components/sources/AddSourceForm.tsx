import { useRef, useState } from 'preact/hooks';
import { errorText } from '@/components/ui/error-text';
import { t } from '@/lib/i18n/browser';
import { request } from '@/lib/messages/client';
import type { Result } from '@/lib/messages/protocol';
import { focusSoon } from '../ui/focus';
import { usePermission } from '../ui/permission';
import { PermissionWait } from '../ui/PermissionWait';
import { Required } from '../ui/Required';
import type { Said } from '../ui/StatusLine';

type Found = Result<'discoverFeeds'>['feeds'];

/** "blogdumoderateur.com" means its https page: members paste addresses as the address bar shows them. */
function typedUrl(text: string): string | undefined {
  const trimmed = text.trim();
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed);
  try {
    const url = new URL(hasScheme ? trimmed : `https://${trimmed}`);
    // Without a scheme, a word with no dot is more likely a typo than an intranet host.
    const plausible = hasScheme || url.hostname.includes('.');
    return (url.protocol === 'http:' || url.protocol === 'https:') && plausible ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Adding a source: the member gives a feed's or a page's address; Vigie asks the browser for that site at
 * the click, reads it once and lists the feeds found; the member picks one and adds it.
 */
export function AddSourceForm({ say }: { say: (said: Said) => void }) {
  const [address, setAddress] = useState('');
  const [busy, setBusy] = useState(false);
  const [found, setFound] = useState<Found>();
  const [chosen, setChosen] = useState('');
  const [category, setCategory] = useState('');
  // What went wrong with the address is said under its field, where the member is typing (and announced).
  const [problem, setProblem] = useState('');
  const refuse = (text: string) => {
    setProblem(text);
    say({ kind: 'info', text: '' });
  };
  // One per form: the cancel button shows beside the button that asked.
  const searchPermission = usePermission(say);
  const addPermission = usePermission(say);

  // Focus follows the work (RGAA 12.8): to the feeds found, then back to the address once one is added.
  const addressField = useRef<HTMLInputElement>(null);
  const discovered = useRef<HTMLFormElement>(null);

  const search = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const url = typedUrl(address);
    setProblem('');
    if (!url) {
      refuse(t('addSourceBadAddress'));
      return;
    }
    // First await of the handler: the browser shows its prompt only during the member's gesture. A refusal
    // or a cancel is already said.
    if (!(await searchPermission.ask(url))) return;
    setBusy(true);
    setFound(undefined);
    say({ kind: 'info', text: t('discoverSearching') });
    try {
      const { feeds } = await request('discoverFeeds', { url });
      setFound(feeds);
      setChosen(feeds.find((feed) => !feed.followed)?.url ?? '');
      if (feeds.length > 0) focusSoon(() => discovered.current?.querySelector<HTMLElement>('input[type="radio"]:checked, input[type="radio"]'));
      if (feeds.length === 0) refuse(t('discoverNone'));
      else say({ kind: 'info', text: feeds.length === 1 ? t('discoverFoundOne') : t('discoverFound', [String(feeds.length)]) });
    } catch (error) {
      refuse(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  const add = async (event: Event) => {
    event.preventDefault();
    const feed = found?.find((candidate) => candidate.url === chosen);
    if (!feed || busy) return;
    // The feed may live on another site than the page (a feed service): asked for at this click too.
    if (!(await addPermission.ask(feed.url))) return;
    setBusy(true);
    say({ kind: 'info', text: t('addSourceAdding') });
    try {
      const source = await request('addSource', { url: feed.url, ...(category.trim() ? { category: category.trim() } : {}) });
      say({ kind: 'ok', text: t('addSourceDone', [source.title]) });
      setFound(undefined);
      setAddress('');
      setCategory('');
      focusSoon(() => addressField.current);
    } catch (error) {
      say({ kind: 'error', text: errorText(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="admin-section" aria-labelledby="add-source-title">
      <h2 id="add-source-title">{t('addSourceTitle')}</h2>
      <form class="add-source" onSubmit={search}>
        <label class="field add-source__address">
          <span class="field__label">{t('addSourceAddress')}<Required /></span>
          <input
            ref={addressField}
            type="text"
            inputMode="url"
            autoComplete="url"
            spellcheck={false}
            required
            value={address}
            placeholder="https://"
            aria-describedby={problem ? 'add-source-problem add-source-hint' : 'add-source-hint'}
            aria-invalid={problem ? true : undefined}
            onInput={(event) => {
              setAddress(event.currentTarget.value);
              setProblem('');
            }}
          />
        </label>
        <p id="add-source-problem" class="field__error" role="alert">
          {problem}
        </p>
        {/* aria-disabled while busy: a disabled button would drop focus to the page. */}
        <button type="submit" class="button" aria-disabled={busy}>
          {t('discoverButton')}
        </button>
        <PermissionWait permission={searchPermission} />
        <p id="add-source-hint" class="field__hint">
          {t('addSourceHint')}
        </p>
      </form>
      {found && found.length > 0 && (
        <form class="discovered" onSubmit={add} ref={discovered}>
          <fieldset>
            <legend>{t('discoverChoose')}</legend>
            {found.map((feed) => (
              <label key={feed.url} class="discovered__feed">
                <input
                  type="radio"
                  name="discovered-feed"
                  value={feed.url}
                  checked={chosen === feed.url}
                  disabled={feed.followed}
                  onChange={() => setChosen(feed.url)}
                />
                <span>
                  <span class="discovered__title">{feed.title}</span>
                  {feed.format && <span class="discovered__format"> · {t(`feedFormat_${feed.format}`)}</span>}
                  {feed.followed && <span class="discovered__followed"> · {t('discoverFollowed')}</span>}
                  <span class="discovered__url">{feed.url}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <label class="field">
            <span class="field__label">{t('sourceCategory')}</span>
            <input type="text" list="source-categories" value={category} onInput={(event) => setCategory(event.currentTarget.value)} />
          </label>
          <button type="submit" class="button" disabled={!chosen} aria-disabled={busy}>
            {t('addSourceButton')}
          </button>
          <PermissionWait permission={addPermission} />
        </form>
      )}
    </section>
  );
}
