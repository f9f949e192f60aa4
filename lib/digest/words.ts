import type { Translate } from '../i18n/translate';
import type { Impact, Priority } from '../model/vocabulary';
import type { Digest, DigestEntry } from './digest';

/**
 * The digest's sentences, written once for the three ways it is shown (dashboard, Markdown, HTML) so that
 * they say the same thing. Dates and numbers use Intl in the digest's language, not the browser's.
 */

/** One fact of an entry's line ("Meta Newsroom", "27 novembre 2026", "Alerte critique (…)", "Impact : fort"). */
export type EntryFact =
  | { kind: 'source' | 'date' | 'starred'; text: string }
  | { kind: 'priority'; text: string; priority: Priority }
  | { kind: 'impact'; text: string; impact: Impact };

type Dated = Pick<Digest, 'language' | 'timeZone'>;

const dateTimeFormat = ({ language, timeZone }: Dated, withTime: boolean) =>
  new Intl.DateTimeFormat(language, { dateStyle: 'long', ...(withTime ? { timeStyle: 'short' } : {}), ...(timeZone ? { timeZone } : {}) });

/** "27 novembre 2026", with the time in a daily digest, where the hour matters. */
export const entryDateText = (iso: string, digest: Pick<Digest, 'language' | 'timeZone' | 'kind'>): string =>
  dateTimeFormat(digest, digest.kind === 'daily').format(new Date(iso));

/** "Du 21 novembre 2026 à 10:00 au 28 novembre 2026 à 10:00". */
export const periodText = (digest: Digest, translate: Translate): string => {
  const format = dateTimeFormat(digest, true);
  return translate('digestPeriodRange', [format.format(new Date(digest.period.from)), format.format(new Date(digest.period.to))]);
};

/** A count as a section's heading says it, in the digest's language: « (1 234) ». */
export const countInParentheses = (digest: Pick<Digest, 'language'>, count: number): string => `(${new Intl.NumberFormat(digest.language).format(count)})`;

/**
 * "Éléments : 12 · Alertes critiques : 2 · … · Favoris : 4": labelled numbers, without plural agreements to
 * get wrong, zeros included (a week without a critical alert is news for the COPIL too).
 */
export function summaryParts(digest: Digest, translate: Translate): string[] {
  const number = new Intl.NumberFormat(digest.language);
  const { counts } = digest;
  return [
    translate('digestCountItems', [number.format(counts.items)]),
    translate('digestCountCritical', [number.format(counts.critical)]),
    translate('digestCountImportant', [number.format(counts.important)]),
    translate('digestCountInfo', [number.format(counts.info)]),
    translate('digestCountStarred', [number.format(counts.starred)]),
  ];
}

export const summaryText = (digest: Digest, translate: Translate): string => summaryParts(digest, translate).join(' · ');

/** "Alerte critique (Veille pub, Réserve électorale)". */
export function priorityText(entry: DigestEntry, digest: Dated, translate: Translate): string {
  const label = translate(`digestPriority_${entry.priority ?? 'info'}`);
  if (entry.rules.length === 0) return label;
  return `${label} (${new Intl.ListFormat(digest.language, { type: 'conjunction' }).format(entry.rules)})`;
}

/** The facts of an entry's line, in reading order. */
export function entryFacts(entry: DigestEntry, digest: Digest, translate: Translate): EntryFact[] {
  const facts: EntryFact[] = [
    { kind: 'source', text: entry.source },
    { kind: 'date', text: entryDateText(entry.date, digest) },
  ];
  if (entry.priority) facts.push({ kind: 'priority', text: priorityText(entry, digest, translate), priority: entry.priority });
  if (entry.impact) facts.push({ kind: 'impact', text: translate('digestImpact', [translate(`impact_${entry.impact}`)]), impact: entry.impact });
  if (entry.starred) facts.push({ kind: 'starred', text: translate('digestStarred') });
  return facts;
}

/** "Synthèse préparée par Vigie le 28 novembre 2026 à 10:00." */
export const footerText = (digest: Digest, translate: Translate): string =>
  translate('digestFooter', [dateTimeFormat(digest, true).format(new Date(digest.period.to))]);

/**
 * "vigie-synthese-2026-11-28.md" (the day the period ends, in the reader's time zone); a daily digest says
 * so, so that both made on one day do not overwrite each other. File names stay in French in both languages,
 * like Vigie's other exports.
 */
export function digestFileName(digest: Pick<Digest, 'kind' | 'period' | 'timeZone'>, extension: 'md' | 'html'): string {
  const parts = new Intl.DateTimeFormat('en', { year: 'numeric', month: '2-digit', day: '2-digit', ...(digest.timeZone ? { timeZone: digest.timeZone } : {}) }).formatToParts(new Date(digest.period.to));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `vigie-synthese${digest.kind === 'daily' ? '-jour' : ''}-${part('year')}-${part('month')}-${part('day')}.${extension}`;
}

/**
 * The address as a link may use it, or nothing: only http(s). The model already refuses other schemes; the
 * exports check again, as they leave Vigie and are opened elsewhere.
 */
export function safeHttpUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** The member's introduction in paragraphs (a blank line between two), each line kept. */
export const introParagraphs = (digest: Digest): string[] =>
  (digest.intro ?? '').split(/(?:\r?\n|\r)\s*(?:\r?\n|\r)/).map((paragraph) => paragraph.replace(/\r\n?/g, '\n').trim()).filter(Boolean);
