import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { safeHttpUrl } from '@/lib/feeds/links';
import { t, uiLanguage } from '@/lib/i18n/browser';
import { fullDate, relativeTime } from '@/lib/i18n/dates';
import { namedMember } from '@/lib/i18n/elision';
import type { Comment, SharedRow } from '@/lib/model/share';
import type { Tag } from '@/lib/model/tag';
import { PriorityBadge } from '../alerts/PriorityBadge';
import { ProposeForFiche } from '../fiches/ProposeForFiche';
import { TagChip } from '../tags/TagChip';
import { TagPicker } from '../tags/TagPicker';
import { useConfirm } from '../ui/confirm';
import { focusSoon } from '../ui/focus';
import { RexDetails } from './RexDetails';
import { namesText } from './share-item';

/** Comments in threads: each first-level comment followed by its answers (an answer to an answer joins its thread). */
function threads(comments: readonly Comment[]): { comment: Comment; replies: Comment[] }[] {
  const firsts = comments.filter((c) => !c.replyTo || !comments.some((other) => other.id === c.replyTo));
  const rootOf = (c: Comment): string => {
    const parent = comments.find((other) => other.id === c.replyTo);
    return parent && parent !== c ? rootOf(parent) : c.id;
  };
  return firsts.map((comment) => ({ comment, replies: comments.filter((c) => c !== comment && c.replyTo && rootOf(c) === comment.id) }));
}

/** A comment's form: the share's own, or an answer under a comment. */
function CommentForm({ label, send, onCancel, autoFocus }: { label: string; send: (body: string) => Promise<void>; onCancel?: () => void; autoFocus?: boolean }) {
  const [body, setBody] = useState('');
  const [sending, setSending] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  // The member just asked to answer: the field is where they go.
  useLayoutEffect(() => {
    if (autoFocus) field.current?.focus();
  }, [autoFocus]);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!body.trim() || sending) return;
    setSending(true);
    try {
      await send(body.trim());
      setBody('');
      // Sent: the field is ready for the next words (the answer's form goes, and its opener takes focus).
      if (!onCancel) field.current?.focus();
    } finally {
      setSending(false);
    }
  };
  return (
    <form class="share__comment-form" onSubmit={(event) => void submit(event)}>
      <label class="field">
        <span class="field__label">{label}</span>
        <textarea ref={field} rows={2} maxLength={5000} value={body} onInput={(e) => setBody(e.currentTarget.value)} />
      </label>
      {/* aria-disabled, not disabled: the button keeps focus while sending and once the field is empty. */}
      <button type="submit" class="button button--small" aria-disabled={sending || !body.trim()}>
        {t(onCancel ? 'copilReplySend' : 'copilCommentSend')}
      </button>
      {onCancel && (
        <button type="button" class="button button--small button--quiet" onClick={onCancel}>
          {t('copilCancel')}
        </button>
      )}
    </form>
  );
}

export interface ShareActions {
  /** `replyTo`: the comment answered (one level of replies). */
  onComment: (shareId: string, body: string, replyTo?: string) => Promise<void>;
  onReact: (shareId: string, kind: 'useful' | 'seen', on: boolean) => void;
  /** The dashboard's: any member adds tags of the shared taxonomy; admins hide. */
  onTag?: (shareId: string, tagIds: string[]) => void;
  onHide?: (shareId: string, hidden: boolean) => void;
}


/**
 * One share of the collective: who shared it and when, the item (title, source, excerpt), the "conseil",
 * impact and tags; reactions ("Utile", "Vu") and the comments that make the "partage d'expériences".
 * Everything is text: nothing from the hub is ever read as HTML.
 */
export function ShareCard({ share, tags, me, onComment, onReact, onTag, onHide, compact }: { share: SharedRow; tags: Tag[]; me?: string; compact?: boolean } & ShareActions) {
  const [replying, setReplying] = useState<string>();
  // The answer's form goes: focus back to the « Répondre » that opened it (RGAA 12.8).
  const closeReply = (commentId: string) => {
    setReplying(undefined);
    focusSoon(() => document.querySelector<HTMLElement>(`[data-reply-to="${CSS.escape(commentId)}"]`));
  };
  const { dialog, ask } = useConfirm();
  const [tagging, setTagging] = useState(false);
  const tagButton = useRef<HTMLButtonElement>(null);
  const language = uiLanguage();
  // Only http(s) addresses become links: a share comes from another member's browser, through the hub.
  const href = safeHttpUrl(share.url);
  const byId = new Map(tags.map((tag) => [tag.id, tag]));
  const titleId = `share-${share.id}`;
  const sharers = share.sharers ?? [];
  const reaction = (kind: 'useful' | 'seen', key: string) => {
    const mine = !!me && share.reactions[kind].includes(me);
    return (
      <button type="button" class="button button--small button--quiet share__react" aria-pressed={mine} disabled={share.pending} onClick={() => onReact(share.id, kind, !mine)}>
        {t(key, [String(share.reactions[kind].length)])}
      </button>
    );
  };
  const commentItem = (c: Comment) => (
    <>
      <strong>{c.author.name}</strong>{' '}
      <time dateTime={c.created} title={fullDate(c.created, language)}>
        {relativeTime(c.created, language)}
      </time>
      <p>{c.body}</p>
    </>
  );
  const comments = (
    <>
      <ul class="share__comments">
        {threads(share.comments).map(({ comment: c, replies }) => (
          <li key={c.id}>
            {commentItem(c)}
            {replies.length > 0 && (
              <ul class="share__replies">
                {replies.map((reply) => (
                  <li key={reply.id}>{commentItem(reply)}</li>
                ))}
              </ul>
            )}
            {!share.pending &&
              (replying === c.id ? (
                <CommentForm label={t('copilReplyLabel', [c.author.name])} autoFocus send={(body) => onComment(share.id, body, c.id).then(() => closeReply(c.id))} onCancel={() => closeReply(c.id)} />
              ) : (
                <button type="button" class="button button--small button--quiet share__reply" data-reply-to={c.id} aria-label={t('copilReplyTo', [c.author.name])} onClick={() => setReplying(c.id)}>
                  {t('copilReply')}
                </button>
              ))}
          </li>
        ))}
      </ul>
      {!share.pending && <CommentForm label={t('copilCommentLabel')} send={(body) => onComment(share.id, body)} />}
    </>
  );
  return (
    <article class={`share${share.unread ? ' share--unread' : ''}${share.pending ? ' share--pending' : ''}`} aria-labelledby={titleId} data-share-id={share.id}>
      {dialog}
      <header class="share__head">
        {share.priority && <PriorityBadge priority={share.priority} />}
        {share.unread && <span class="share__new">{t('copilNew')}</span>}
        {share.pending && <span class="share__pending">{t('copilPendingBadge')}</span>}
        {share.hidden && <span class="share__pending">{t('copilHiddenBadge')}</span>}
        {share.rex && <span class="share__rex-badge">{t('rexBadge')}</span>}
        <h3 id={titleId} class="share__title" lang={share.language}>
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
        {sharers.length ? t('copilSharedBy', [namesText([share.author.name, ...sharers.map((sharer) => sharer.member.name)], language)]) : t('copilBy', [share.author.name])}
        {' · '}
        <time dateTime={share.created} title={fullDate(share.created, language)}>
          {relativeTime(share.created, language)}
        </time>
        {share.sourceTitle && ` · ${share.sourceTitle}`}
        {share.impact && ` · ${t('impactLabel')} : ${t(`impact_${share.impact}`)}`}
      </p>
      {share.note && (
        <p class="share__note">
          <strong>{sharers.length ? t('copilNoteOf', namedMember(share.author.name)) : t('copilNote')} :</strong> {share.note}
        </p>
      )}
      {sharers.map(
        (sharer) =>
          (sharer.note || sharer.impact) && (
            <p key={sharer.member.id} class="share__note">
              <strong>{t('copilNoteOf', namedMember(sharer.member.name))} :</strong> {sharer.note}
              {sharer.impact && `${sharer.note ? ' · ' : ''}${t('impactLabel')} : ${t(`impact_${sharer.impact}`)}`}
            </p>
          ),
      )}
      {!compact && share.rex && <RexDetails rex={share.rex} />}
      {/* A REX has no reading pane: it is proposed for a fiche from its card (an article, from its item's pane). */}
      {!compact && share.rex && !share.pending && <ProposeForFiche shareId={share.id} />}
      {!compact && share.quote && (
        <blockquote class="share__quote" aria-label={t('copilQuote')} lang={share.language}>
          {share.quote}
        </blockquote>
      )}
      {!compact && share.summary && <p class="share__summary" lang={share.language}>
          {share.summary}
        </p>}
      {share.tags.length > 0 && (
        <p class="share__tags">
          {share.tags.map((id) => (
            <TagChip key={id} id={id} tag={byId.get(id)} {...(share.tagLabels?.[id] ? { fallback: share.tagLabels[id] } : {})} />
          ))}
        </p>
      )}
      <div class="share__reactions">
        {reaction('useful', 'copilUseful')}
        {reaction('seen', 'copilSeen')}
        {onTag && !share.pending && (
          <button ref={tagButton} type="button" class="button button--small button--quiet" aria-expanded={tagging} onClick={() => setTagging(!tagging)}>
            {t('copilAddTag')}
          </button>
        )}
        {onHide && !share.pending && (
          <button type="button" class="button button--small button--quiet" onClick={() => (share.hidden ? onHide(share.id, false) : void ask(t('copilHideConfirm'), { yes: t('copilHide') }).then((yes) => yes && onHide(share.id, true)))}>
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
            // The field goes: focus back to the button that opened it (RGAA 12.8).
            focusSoon(() => tagButton.current);
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
