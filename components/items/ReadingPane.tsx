import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t, uiLanguage } from '@/lib/i18n/browser';
import { fullDate } from '@/lib/i18n/dates';
import { IMPACTS, TRIAGE_STATES, type Impact, type Item, type ItemPatch, type Triage } from '@/lib/model/item';
import type { Tag } from '@/lib/model/tag';
import { contentLanguage } from '@/lib/reader/language';
import { ProposeForFiche } from '../fiches/ProposeForFiche';
import { ShareButton, useHubConnected } from '../hub/ShareButton';
import { createPersonalTag } from '../tags/create-tag';
import { TagChip } from '../tags/TagChip';
import { TagPicker } from '../tags/TagPicker';
import { SafeHtml } from '../ui/SafeHtml';
import { ChangeView } from './ChangeView';

interface Props {
  item: Item;
  sourceTitle?: string;
  /** The source's language, for the article's `lang` where the item does not say its own. */
  sourceLanguage?: string;
  tags: Tag[];
  /** Resolves whether the change was stored (see use-item-list). */
  onPatch: (patch: ItemPatch) => unknown;
  onClose: () => void;
}

/**
 * The opened item: its content (sanitized again at render), the link to the original, and what the
 * collective adds: tags, the note ("conseil": what to do about it), the impact and the triage status;
 * sharing it with the COPIL.
 */
export function ReadingPane({ item, sourceTitle, sourceLanguage, tags, onPatch, onClose }: Props) {
  // The article's own words are marked with their language (RGAA 8.7); Vigie's around them keep the page's.
  const lang = contentLanguage(item.language, sourceLanguage);
  const [noteSaid, setNoteSaid] = useState('');
  const [note, setNote] = useState(item.note ?? '');
  const language = uiLanguage();
  const byId = new Map(tags.map((tag) => [tag.id, tag]));
  const date = item.published ?? item.fetched;
  const noteChanged = note !== (item.note ?? '');
  const connected = useHubConnected();
  // Opening an item takes focus to its title, so that the keyboard and a screen reader are where the article
  // is (RGAA 12.8); Escape, like « Fermer », closes it (and the view puts focus back on its row).
  const heading = useRef<HTMLHeadingElement>(null);

  // In the render's own task (not a frame later, as useEffect would), so it never lands mid-typing.
  useLayoutEffect(() => heading.current?.focus(), []);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    // A dialog opened from the pane closes on its own Escape, and leaves the pane open.
    if (event.target instanceof Element && event.target.closest('dialog')) return;
    event.preventDefault();
    onClose();
  };
  return (
    <article class="reading-pane" aria-labelledby="reading-title" onKeyDown={onKeyDown}>
      <header class="reading-pane__header">
        <h2 id="reading-title" ref={heading} tabIndex={-1} lang={item.title ? lang : undefined}>
          {item.title || t('untitled')}
        </h2>
        <button type="button" class="button button--quiet" onClick={onClose}>
          {t('close')}
        </button>
      </header>
      <p class="reading-pane__meta">
        {item.clip ? (item.clip.siteName ?? t('clipLabel')) : sourceTitle}
        {' · '}
        <time dateTime={date}>{fullDate(date, language)}</time>
        {item.author && ` · ${item.author}`}
      </p>
      <div class="reading-pane__actions">
        {item.url && (
          <a class="button" href={item.url} target="_blank" rel="noopener noreferrer">
            {t('openOriginal')}
          </a>
        )}
        <button type="button" class="button button--quiet" aria-pressed={item.starred} onClick={() => onPatch({ starred: !item.starred })}>
          {item.starred ? `★ ${t('starred')}` : `☆ ${t('star')}`}
        </button>
        <button type="button" class="button button--quiet" onClick={() => onPatch({ read: !item.read })}>
          {item.read ? t('markUnread') : t('markRead')}
        </button>
      </div>

      {item.change && <ChangeView change={item.change} />}
      {item.clip?.quote && (
        <blockquote class="reading-pane__quote" lang={lang}>
          {item.clip.quote}
        </blockquote>
      )}
      {item.contentHtml ? (
        <SafeHtml class="reading-pane__content" html={item.contentHtml} lang={lang} />
      ) : (
        !item.change &&
        item.summary && (
          <p class="reading-pane__content" lang={lang}>
            {item.summary}
          </p>
        )
      )}
      {/* The article first, then what the member does about it. */}
      <section class="reading-pane__triage" aria-label={t('triageSection')}>
        <div class="field">
          <span class="field__label" id="tags-label">
            {t('tagsLabel')}
          </span>
          <div class="tag-list" role="group" aria-labelledby="tags-label">
            {item.tags.length === 0 && <span class="muted">{t('noTags')}</span>}
            {item.tags.map((tag) => (
              <TagChip
                key={tag}
                id={tag}
                tag={byId.get(tag)}
                onRemove={() => onPatch({ removeTags: [tag] })}
                removeLabel={t('removeTag', [byId.get(tag)?.label[language === 'fr' ? 'fr' : 'en'] ?? tag])}
              />
            ))}
          </div>
          <TagPicker tags={tags} exclude={item.tags} label={t('addTag')} onPick={(tag) => onPatch({ addTags: [tag.id] })} onCreate={createPersonalTag} />
        </div>
        <label class="field">
          <span class="field__label">{t('impactLabel')}</span>
          <select value={item.impact ?? ''} onChange={(event) => onPatch({ impact: (event.currentTarget.value || null) as Impact | null })}>
            <option value="">{t('impactNone')}</option>
            {IMPACTS.map((impact) => (
              <option value={impact}>{t(`impact_${impact}`)}</option>
            ))}
          </select>
        </label>
        <label class="field">
          <span class="field__label">{t('triageLabel')}</span>
          <select value={item.triage ?? ''} onChange={(event) => onPatch({ triage: (event.currentTarget.value || null) as Triage | null })}>
            <option value="">{t('triageNone')}</option>
            {TRIAGE_STATES.map((state) => (
              <option value={state}>{t(`triage_${state.replace(/-/g, '_')}`)}</option>
            ))}
          </select>
        </label>
        <label class="field">
          <span class="field__label">{t('noteLabel')}</span>
          <textarea rows={4} value={note} placeholder={t('notePlaceholder')} onInput={(event) => setNote(event.currentTarget.value)} />
        </label>
        {/* aria-disabled rather than disabled: a button disabled under focus drops it to the page (RGAA 12.8). */}
        <button
          type="button"
          class="button"
          aria-disabled={!noteChanged}
          onClick={() => noteChanged && void Promise.resolve(onPatch({ note: note.trim() ? note : null })).then((stored) => stored !== false && setNoteSaid(t('noteSaved')))}
        >
          {t('saveNote')}
        </button>
        <p class="status" role="status">
          {noteChanged ? '' : noteSaid}
        </p>
        <ShareButton itemId={item.id} connected={connected} withPriority />
        {connected && <ProposeForFiche itemId={item.id} />}
      </section>
    </article>
  );
}
