import { useState } from 'preact/hooks';
import { t, uiLanguage } from '@/lib/i18n/browser';
import { fullDate, relativeTime } from '@/lib/i18n/dates';
import type { SharedRow } from '@/lib/model/share';
import type { Tag } from '@/lib/model/tag';
import { PriorityBadge } from '../alerts/PriorityBadge';
import { TagChip } from '../tags/TagChip';
import { TagPicker } from '../tags/TagPicker';

export interface ShareActions {
  onComment: (shareId: string, body: string) => Promise<void>;
  onReact: (shareId: string, kind: 'useful' | 'seen', on: boolean) => void;
  /** The dashboard's: any member adds tags of the shared taxonomy; admins hide. */
  onTag?: (shareId: string, tagIds: string[]) => void;
  onHide?: (shareId: string, hidden: boolean) => void;
}

/** Only http(s) addresses become links: a share comes from another member's browser, through the hub. */
const safeHref = (url: string | undefined) => (url && /^https?:\/\//i.test(url) ? url : undefined);

/**
 * One share of the collective: who shared it and when, the item (title, source, excerpt), the "conseil",
 * impact and tags; reactions ("Utile", "Vu") and the comments that make the "partage d'expériences".
 * Everything is text: nothing from the hub is ever read as HTML.
 */
export function ShareCard({ share, tags, me, onComment, onReact, onTag, onHide, compact }: { share: SharedRow; tags: Tag[]; me?: string; compact?: boolean } & ShareActions) {
  const [comment, setComment] = useState('');
  const [sending, setSending] = useState(false);
  const [tagging, setTagging] = useState(false);
  const language = uiLanguage();
  const href = safeHref(share.url);
  const byId = new Map(tags.map((tag) => [tag.id, tag]));
  const titleId = `share-${share.id}`;
  const send = async (event: Event) => {
    event.preventDefault();
    if (!comment.trim()) return;
    setSending(true);
    try {
      await onComment(share.id, comment.trim());
      setComment('');
    } finally {
      setSending(false);
    }
  };
  const reaction = (kind: 'useful' | 'seen', key: string) => {
    const mine = !!me && share.reactions[kind].includes(me);
    return (
      <button type="button" class="button button--small button--quiet share__react" aria-pressed={mine} disabled={share.pending} onClick={() => onReact(share.id, kind, !mine)}>
        {t(key, [String(share.reactions[kind].length)])}
      </button>
    );
  };
  const comments = (
    <>
      <ul class="share__comments">
        {share.comments.map((c) => (
          <li key={c.id}>
            <strong>{c.author.name}</strong>{' '}
            <time dateTime={c.created} title={fullDate(c.created, language)}>
              {relativeTime(c.created, language)}
            </time>
            <p>{c.body}</p>
          </li>
        ))}
      </ul>
      {!share.pending && (
        <form class="share__comment-form" onSubmit={(event) => void send(event)}>
          <label class="field">
            <span class="field__label">{t('copilCommentLabel')}</span>
            <textarea rows={2} maxLength={5000} value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
          </label>
          <button type="submit" class="button button--small" disabled={sending || !comment.trim()}>
            {t('copilCommentSend')}
          </button>
        </form>
      )}
    </>
  );
  return (
    <article class={`share${share.unread ? ' share--unread' : ''}${share.pending ? ' share--pending' : ''}`} aria-labelledby={titleId} data-share-id={share.id}>
      <header class="share__head">
        {share.priority && <PriorityBadge priority={share.priority} />}
        {share.unread && <span class="share__new">{t('copilNew')}</span>}
        {share.pending && <span class="share__pending">{t('copilPendingBadge')}</span>}
        {share.hidden && <span class="share__pending">{t('copilHiddenBadge')}</span>}
        <h3 id={titleId} class="share__title">
          {href ? (
            <a href={href} target="_blank" rel="noopener noreferrer">
              {share.title}
            </a>
          ) : (
            share.title
          )}
        </h3>
      </header>
      <p class="share__meta">
        {t('copilBy', [share.author.name])}
        {' · '}
        <time dateTime={share.created} title={fullDate(share.created, language)}>
          {relativeTime(share.created, language)}
        </time>
        {share.sourceTitle && ` · ${share.sourceTitle}`}
        {share.impact && ` · ${t('impactLabel')} : ${t(`impact_${share.impact}`)}`}
      </p>
      {share.note && (
        <p class="share__note">
          <strong>{t('copilNote')} :</strong> {share.note}
        </p>
      )}
      {!compact && share.quote && (
        <blockquote class="share__quote" aria-label={t('copilQuote')}>
          {share.quote}
        </blockquote>
      )}
      {!compact && share.summary && <p class="share__summary">{share.summary}</p>}
      {share.tags.length > 0 && (
        <p class="share__tags">
          {share.tags.map((id) => (
            <TagChip key={id} id={id} tag={byId.get(id)} />
          ))}
        </p>
      )}
      <div class="share__reactions">
        {reaction('useful', 'copilUseful')}
        {reaction('seen', 'copilSeen')}
        {onTag && !share.pending && (
          <button type="button" class="button button--small button--quiet" aria-expanded={tagging} onClick={() => setTagging(!tagging)}>
            {t('copilAddTag')}
          </button>
        )}
        {onHide && !share.pending && (
          <button type="button" class="button button--small button--quiet" onClick={() => (share.hidden ? onHide(share.id, false) : confirm(t('copilHideConfirm')) && onHide(share.id, true))}>
            {share.hidden ? t('copilUnhide') : t('copilHide')}
          </button>
        )}
      </div>
      {tagging && onTag && (
        <TagPicker
          tags={tags.filter((tag) => tag.scope === 'shared')}
          exclude={share.tags}
          label={t('copilAddTag')}
          onPick={(tag) => {
            onTag(share.id, [tag.id]);
            setTagging(false);
          }}
          onCreate={async () => undefined}
        />
      )}
      {compact ? (
        <details class="share__discussion">
          <summary>{t('copilComments', [String(share.comments.length)])}</summary>
          {comments}
        </details>
      ) : (
        <section class="share__discussion" aria-label={t('copilComments', [String(share.comments.length)])}>
          <h4>{t('copilComments', [String(share.comments.length)])}</h4>
          {comments}
        </section>
      )}
    </article>
  );
}
