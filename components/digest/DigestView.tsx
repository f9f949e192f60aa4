import { Fragment } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { errorText } from '@/components/ui/error-text';
import type { Digest, DigestChoice, DigestEdits, DigestEntry, DigestKind } from '@/lib/digest';
import { arrangeDigest, digestFileName, digestHtml, digestMarkdown, entryFacts, moveEntry, NO_EDITS, periodText, safeHttpUrl, summaryText } from '@/lib/digest';
import { ficheChangeWords } from '@/lib/digest/fiche-words';
import { t } from '@/lib/i18n/browser';
import { formatNumber } from '../ui/count';
import { saveFile } from '../ui/files';
import { Required } from '../ui/Required';
import { StatusLine, type Said } from '../ui/StatusLine';

const KINDS: DigestKind[] = ['weekly', 'monthly', 'daily', 'range'];

/** "YYYY-MM-DD" of a local day, as a date field holds it. */
const dayOf = (date: Date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

type Loaded = { state: 'loading' } | { state: 'ready'; digest: Digest } | { state: 'failed'; detail: string };

/**
 * The Synthèse screen: the alerts and starred items of the week (or the day) by category, as a member will
 * bring them to the COPIL, with the Markdown and HTML exports. Everything is drawn as elements from the
 * digest's plain data: nothing from a feed goes through innerHTML.
 */
/** A section told after the items (the REX, the fiches), headed with its count. */
function DigestSection({ id, extraClass, title, count, children }: { id: string; extraClass: string; title: string; count: number; children: preact.ComponentChildren }) {
  return (
    <section class={`digest-group ${extraClass}`} aria-labelledby={id}>
      <h2 id={id} class="digest-group__title">
        {title} <span class="digest-group__count">({formatNumber(count)})</span>
      </h2>
      <ul class="digest-group__entries">{children}</ul>
    </section>
  );
}

export function DigestView({ load }: { load: (choice: DigestChoice) => Promise<Digest> }) {
  const [kind, setKind] = useState<DigestKind>('weekly');
  // Chosen days: by default, from the first of the month to today (the COPIL meets monthly).
  const [range, setRange] = useState(() => {
    const today = new Date();
    return { from: dayOf(new Date(today.getFullYear(), today.getMonth(), 1)), to: dayOf(today) };
  });
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [said, say] = useState<Said>();
  // What the member decides before exporting: left out, moved, introduced. A new period starts a new choice.
  const [edits, setEdits] = useState<DigestEdits>(NO_EDITS);
  // The latest `load`, without reloading when the dashboard hands a new function on each render.
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    // A slow answer for the previous choice must not replace the one asked for last.
    let current = true;
    setLoaded({ state: 'loading' });
    say(undefined);
    setEdits((before) => ({ ...NO_EDITS, intro: before.intro }));
    const choice: DigestChoice = kind === 'range' ? { kind, ...range } : { kind };
    loadRef.current(choice).then(
      (digest) => current && setLoaded({ state: 'ready', digest }),
      (error: unknown) => current && setLoaded({ state: 'failed', detail: errorText(error) }),
    );
    return () => {
      current = false;
    };
  }, [kind, range.from, range.to]);

  const full = loaded.state === 'ready' ? loaded.digest : undefined;
  // What is exported (and counted in the summary), and what is shown: every item, in the member's order.
  const digest = full && arrangeDigest(full, edits);
  const shown = full && arrangeDigest(full, { ...edits, left: [] });
  const left = new Set(edits.left);
  const keep = (itemId: string, kept: boolean) => setEdits({ ...edits, left: kept ? edits.left.filter((id) => id !== itemId) : [...edits.left, itemId] });
  const move = (itemId: string, step: -1 | 1) => full && setEdits({ ...edits, order: moveEntry(full, edits, itemId, step) });

  const exportAs = (extension: 'md' | 'html') => {
    if (!digest) return;
    const name = digestFileName(digest, extension);
    if (extension === 'md') saveFile(name, digestMarkdown(digest, t), 'text/markdown;charset=utf-8');
    else saveFile(name, digestHtml(digest, t), 'text/html;charset=utf-8');
    say({ kind: 'ok', text: t('digestExported', [name]) });
  };

  /** The same HTML as the export, in a tab of its own, to print (its print styles write each link out). */
  const print = () => {
    if (!digest) return;
    window.open(URL.createObjectURL(new Blob([digestHtml(digest, t)], { type: 'text/html;charset=utf-8' })), '_blank', 'noopener');
  };

  const copy = async () => {
    if (!digest) return;
    try {
      await navigator.clipboard.writeText(digestMarkdown(digest, t));
      say({ kind: 'ok', text: t('digestCopied') });
    } catch (error) {
      say({ kind: 'error', text: t('digestCopyFailed', [errorText(error)]) });
    }
  };

  const summary = loaded.state === 'loading' ? t('digestLoading') : loaded.state === 'failed' ? t('digestLoadFailed', [loaded.detail]) : summaryText(digest ?? loaded.digest, t);

  return (
    <div class="digest" aria-busy={loaded.state === 'loading'}>
      <header class="digest__header">
        <h1 class="digest__heading">{t('digestViewTitle')}</h1>
        <p class="digest__intro">{t('digestIntro')}</p>
        <fieldset class="digest__kinds">
          <legend>{t('digestKindLabel')}</legend>
          {KINDS.map((choice) => (
            <label key={choice} class="digest__kind">
              <input type="radio" name="digest-kind" value={choice} checked={kind === choice} onChange={() => setKind(choice)} />
              {t(`digestKind_${choice}`)}
            </label>
          ))}
          {kind === 'range' && (
            <span class="digest__range">
              <label>
                {t('digestRangeFrom')}<Required />{' '}
                <input type="date" required value={range.from} max={range.to} onChange={(event) => event.currentTarget.value && setRange({ ...range, from: event.currentTarget.value })} />
              </label>{' '}
              <label>
                {t('digestRangeTo')}<Required />{' '}
                <input type="date" required value={range.to} min={range.from} onChange={(event) => event.currentTarget.value && setRange({ ...range, to: event.currentTarget.value })} />
              </label>
            </span>
          )}
        </fieldset>
        <div class="digest__actions" role="group" aria-label={t('digestExportsLabel')}>
          <button type="button" class="button" disabled={!digest} onClick={() => exportAs('md')}>
            {t('digestExportMarkdown')}
          </button>
          <button type="button" class="button" disabled={!digest} onClick={() => exportAs('html')}>
            {t('digestExportHtml')}
          </button>
          <button type="button" class="button button--quiet" disabled={!digest} onClick={() => void copy()}>
            {t('digestCopyMarkdown')}
          </button>
          <button type="button" class="button button--quiet" disabled={!digest} onClick={print}>
            {t('digestPrint')}
          </button>
        </div>
        <StatusLine said={said} base="digest__status" />
      </header>
      {digest && <p class="digest__period">{periodText(digest, t)}</p>}
      <p class={`digest__summary${loaded.state === 'failed' ? ' digest__summary--error' : ''}`} aria-live="polite">
        {summary}
      </p>
      {shown && shown.groups.length > 0 && (
        <label class="field digest__intro-field">
          <span class="field__label">{t('digestIntroLabel')}</span>
          <textarea rows={3} maxLength={5000} value={edits.intro} onInput={(event) => setEdits({ ...edits, intro: event.currentTarget.value })} />
        </label>
      )}
      {shown && shown.groups.length === 0 && <p class="digest__empty">{t('digestEmpty')}</p>}
      {shown?.groups.map((group, index) => (
        <section key={group.tagId ?? 'other'} class="digest-group" aria-labelledby={`digest-group-${index}`}>
          <h2 id={`digest-group-${index}`} class="digest-group__title">
            {group.label} <span class="digest-group__count">({group.entries.filter((entry) => !left.has(entry.itemId)).length})</span>
          </h2>
          <ul class="digest-group__entries">
            {group.entries.map((entry, position) => (
              <DigestEntryView
                key={entry.itemId}
                entry={entry}
                digest={shown}
                kept={!left.has(entry.itemId)}
                onKeep={(kept) => keep(entry.itemId, kept)}
                {...(position > 0 ? { onUp: () => move(entry.itemId, -1) } : {})}
                {...(position < group.entries.length - 1 ? { onDown: () => move(entry.itemId, 1) } : {})}
              />
            ))}
          </ul>
        </section>
      ))}
      {shown?.experiences && shown.experiences.length > 0 && (
        <DigestSection id="digest-experiences" extraClass="digest-experiences" title={t('digestExperiences')} count={shown.experiences.length}>
          {shown.experiences.map((rex) => (
            <li key={rex.shareId} class="digest-entry digest-entry--rex">
              <h3 class="digest-entry__title">{rex.title}</h3>
              <p class="digest-entry__facts">
                {rex.author} · {rex.context} · {rex.when}
              </p>
              <p>
                <strong>{t('rexTried')} :</strong> {rex.tried}
              </p>
              <p>
                <strong>{t('rexOutcome')} :</strong> {rex.outcome}
              </p>
              {rex.note && (
                <p class="digest-entry__note">
                  <strong>{t('digestAdviceLabel')}</strong> {rex.note}
                </p>
              )}
            </li>
          ))}
        </DigestSection>
      )}
      {shown?.fiches && shown.fiches.length > 0 && (
        <DigestSection id="digest-fiches" extraClass="digest-fiches" title={t('digestFiches')} count={shown.fiches.length}>
          {shown.fiches.map((fiche) => (
            <li key={fiche.id} class="digest-entry">
              <a class="digest-entry__title" href={`#/fiches/${encodeURIComponent(fiche.id)}`}>
                {fiche.title}
              </a>{' '}
              — {ficheChangeWords(fiche, shown, t)}
            </li>
          ))}
        </DigestSection>
      )}
    </div>
  );
}

interface EntryChoices {
  kept: boolean;
  onKeep: (kept: boolean) => void;
  onUp?: () => void;
  onDown?: () => void;
}

function DigestEntryView({ entry, digest, kept, onKeep, onUp, onDown }: { entry: DigestEntry; digest: Digest } & EntryChoices) {
  const url = safeHttpUrl(entry.url);
  const facts = entryFacts(entry, digest, t);
  return (
    <li class={`digest-entry digest-entry--${entry.priority ?? 'starred'}${kept ? '' : ' digest-entry--left'}`}>
      <div class="digest-entry__choices">
        <label class="checkbox">
          <input type="checkbox" checked={kept} onChange={(event) => onKeep(event.currentTarget.checked)} aria-label={t('digestKeep', [entry.title])} /> {t('digestKeepShort')}
        </label>
        <button type="button" class="button button--small button--quiet" aria-disabled={!onUp} onClick={onUp} aria-label={t('digestMoveUp', [entry.title])}>
          ↑
        </button>
        <button type="button" class="button button--small button--quiet" aria-disabled={!onDown} onClick={onDown} aria-label={t('digestMoveDown', [entry.title])}>
          ↓
        </button>
      </div>
      <h3 class="digest-entry__title" lang={entry.language}>
        {url ? (
          <a href={url} target="_blank" rel="noopener noreferrer">
            {entry.title}
          </a>
        ) : (
          entry.title
        )}
      </h3>
      <p class="digest-entry__facts">
        {facts.map((fact, index) => (
          <Fragment key={fact.kind}>
            {index > 0 && ' · '}
            <span class={`digest-fact digest-fact--${fact.kind}${fact.kind === 'priority' ? ` digest-fact--${fact.priority}` : ''}`}>{fact.text}</span>
          </Fragment>
        ))}
      </p>
      {entry.excerpt && (
        <p class="digest-entry__excerpt" lang={entry.language}>
          {entry.excerpt}
        </p>
      )}
      {entry.tags.length > 0 && (
        <p class="digest-entry__tags">
          {t('digestTagsLabel')} {entry.tags.join(', ')}
        </p>
      )}
      {entry.note && (
        <p class="digest-entry__advice">
          <strong>{t('digestAdviceLabel')}</strong> {entry.note}
        </p>
      )}
    </li>
  );
}
