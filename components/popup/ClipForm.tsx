import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t, uiLanguage } from '@/lib/i18n/browser';
import { request } from '@/lib/messages/client';
import type { Result } from '@/lib/messages/protocol';
import type { Tag } from '@/lib/model/tag';
import { IMPACTS, type Impact } from '@/lib/model/vocabulary';
import { shareItem } from '../hub/share-item';
import { createPersonalTag } from '../tags/create-tag';
import { TagChip } from '../tags/TagChip';
import { TagPicker } from '../tags/TagPicker';

/** The tab to clip: the one the popup was opened on; `?tab=<id>` names another (the end-to-end tests use it). */
async function tabToClip(): Promise<number> {
  const named = Number(new URLSearchParams(location.search).get('tab'));
  return named || ((await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id ?? -1);
}

/**
 * «Cliper cette page»: reads the page (title, address, site, selected text) and lets the member add tags,
 * a note and an impact before saving. Refusals are said in words; the outcome is announced politely.
 */
export function ClipForm({ tags, hubConnected }: { tags: Tag[]; hubConnected?: boolean }) {
  const [chosen, setChosen] = useState<Tag[]>([]);
  const [preview, setPreview] = useState<Result<'previewClip'>>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  const opener = useRef<HTMLButtonElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const wasOpen = useRef(false);

  const shown = !!preview;
  useLayoutEffect(() => {
    // Focus goes into the form when it opens and back to the button when it closes. In the same task as the
    // render: a later move (useEffect waits for a frame) could land in the middle of the member's typing and
    // send what they typed for the note into the tag field.
    if (shown === wasOpen.current) return;
    (shown ? form.current?.querySelector<HTMLElement>('input, textarea') : opener.current)?.focus();
    wasOpen.current = shown;
  }, [shown]);

  // While busy the buttons say so (aria-disabled) and keep focus: a disabled one would drop it to the page.
  const run = async (work: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    setError('');
    setDone('');
    try {
      await work();
    } catch (problem) {
      setError(problem instanceof Error ? problem.message : String(problem));
    } finally {
      setBusy(false);
    }
  };

  const open = () => run(async () => setPreview(await request('previewClip', { tabId: await tabToClip() })));

  const save = (event: Event) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const note = String(data.get('note')).trim();
    const impact = data.get('impact') as Impact | '';
    return run(async () => {
      if (!preview) return;
      const saved = await request('saveClip', {
        page: preview.page,
        tags: chosen.map((tag) => tag.id),
        ...(note ? { note } : {}),
        ...(impact ? { impact } : {}),
      });
      setPreview(undefined);
      let said = t(saved.enriched ? 'clipEnriched' : 'clipSaved');
      // Shared after it is saved: the clip is kept here whatever the hub says.
      if (data.get('share') === 'on') said += ` ${await shareItem(saved.id)}`;
      setDone(said);
    });
  };

  const notices = preview && [preview.titleMissing && 'clipTitleMissing', preview.page.truncated && 'clipQuoteTruncated', preview.known && 'clipKnown'];

  return (
    <div class="clip">
      {!preview && (
        <button ref={opener} type="button" class="button clip__open" onClick={open} aria-disabled={busy} aria-busy={busy}>
          {busy ? t('clipReading') : t('clipButton')}
        </button>
      )}
      {error && (
        <p class="problem" role="alert">
          {error}
        </p>
      )}
      <p class="status" role="status" aria-live="polite">
        {done}
      </p>
      {preview && (
        <form ref={form} class="clip__form" aria-labelledby="clip-title" onSubmit={save}>
          <h2 id="clip-title">{t('clipFormTitle')}</h2>
          <p class="clip__title">{preview.title}</p>
          <p class="item__meta">{[preview.page.siteName, preview.url].filter(Boolean).join(' · ')}</p>
          {preview.page.selection && <blockquote class="clip__quote">{preview.page.selection.slice(0, 300)}</blockquote>}
          {notices?.map((key) => key && <p class="clip__notice">{t(key)}</p>)}
          {chosen.length > 0 && (
            <p class="clip__tags">
              {chosen.map((tag) => (
                <TagChip
                  key={tag.id}
                  id={tag.id}
                  tag={tag}
                  onRemove={() => setChosen(chosen.filter((other) => other.id !== tag.id))}
                  removeLabel={t('removeTag', [tag.label[uiLanguage() === 'fr' ? 'fr' : 'en']])}
                />
              ))}
            </p>
          )}
          <TagPicker
            tags={tags}
            exclude={chosen.map((tag) => tag.id)}
            label={t('clipTags')}
            onPick={(tag) => setChosen([...chosen, tag])}
            onCreate={createPersonalTag}
          />
          <label>
            {t('clipNote')}
            <textarea name="note" rows={3} maxLength={20_000} />
          </label>
          <label>
            {t('impactLabel')}
            <select name="impact">
              <option value="">{t('impactNone')}</option>
              {IMPACTS.map((impact) => (
                <option value={impact}>{t(`impact_${impact}`)}</option>
              ))}
            </select>
          </label>
          {hubConnected && (
            <label class="checkbox">
              <input type="checkbox" name="share" /> {t('shareWithCopil')}
            </label>
          )}
          <p class="clip__actions">
            <button class="button" aria-disabled={busy} aria-busy={busy}>
              {t('clipSave')}
            </button>
            <button type="button" class="button button--quiet" onClick={() => setPreview(undefined)}>
              {t('clipCancel')}
            </button>
          </p>
        </form>
      )}
    </div>
  );
}
