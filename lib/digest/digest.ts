import type { Translate } from '../i18n/translate';
import type { Alert } from '../model/alert';
import type { Fiche } from '../model/fiche';
import { IMPACTS, type Item } from '../model/item';
import type { Share } from '../model/share';
import type { Source } from '../model/source';
import type { Tag } from '../model/tag';
import { CLIP_SOURCE_ID, PRIORITIES, type Impact, type Priority } from '../model/vocabulary';
import { languageField } from '../reader/language';
import { categoriesOf, categoryOfItem, sharedRanks } from './categories';
import { experiencesOf, type DigestExperience } from './experiences';
import { ficheChangesOf, type DigestFicheChange } from './fiche-changes';
import { inPeriod, type DigestKind, type DigestPeriod } from './period';

export type DigestLanguage = 'fr' | 'en';

/** One item of the digest: what a member needs to talk about it at the COPIL without opening Vigie. */
export interface DigestEntry {
  itemId: string;
  /** The item's title, or "Sans titre". */
  title: string;
  /** Only ever an http(s) address (the model guarantees it; the renderers check again). */
  url?: string;
  /** The source's title, "Clip" for a page clipped by a member. */
  source: string;
  /** ISO date: publication (else collection), or the clip's date for a clipped page. */
  date: string;
  /** The highest priority among the alerts of the period; absent for an item that is only starred. */
  priority?: Priority;
  /** Names of the rules that fired, the most urgent first. */
  rules: string[];
  impact?: Impact;
  /** The member's note: the "conseil", what colleagues should do (without a leading « Conseil : »). */
  note?: string;
  /** The start of the article (its summary, or the clipped quote), cut on a word. */
  excerpt?: string;
  /** Labels of the item's tags, shared ones first in the taxonomy's order, then personal ones. */
  tags: string[];
  starred: boolean;
  /** The language its title and excerpt are written in (the item's, else its source's), for `lang` (RGAA 8.7). */
  language?: string;
}

/** One section: a top-level category of the shared taxonomy, or "Autres". */
export interface DigestGroup {
  /** The category's tag id; absent for the "Autres" section. */
  tagId?: string;
  label: string;
  entries: DigestEntry[];
}

/** Counted per listed item (an item with two critical alerts is one critical item), so they match the list. */
export interface DigestCounts {
  items: number;
  critical: number;
  important: number;
  info: number;
  starred: number;
}

/** The digest as plain data: the dashboard draws it, the Markdown and HTML exports write it. */
export interface Digest {
  kind: DigestKind;
  language: DigestLanguage;
  /** The reader's time zone for dates in words; the system's when absent. */
  timeZone?: string;
  title: string;
  period: DigestPeriod;
  counts: DigestCounts;
  groups: DigestGroup[];
  /** The member's introduction, written before exporting (see arrangeDigest). */
  intro?: string;
  /** The « retours d'expérience » the collective shared in the period (see experiences.ts). */
  experiences?: DigestExperience[];
  /** The fiches conseils changed in the period (see fiche-changes.ts). */
  fiches?: DigestFicheChange[];
}

export interface DigestInput {
  kind: DigestKind;
  period: DigestPeriod;
  alerts: readonly Alert[];
  /** The items that may be told (the period's, with their alerts): more may be given, the period sorts them out. */
  items: readonly Item[];
  sources: readonly Source[];
  tags: readonly Tag[];
  language: DigestLanguage;
  timeZone?: string;
  /** The COPIL's shares as last pulled: its « retours d'expérience » of the period are told after the items. */
  shares?: readonly Share[];
  /** The hub's fiches conseils as this browser keeps them. */
  fiches?: readonly Fiche[];
}

/** Most urgent first: critical, important, info, then items that are only starred. */
const urgency = (priority?: Priority): number => (priority ? PRIORITIES.length - 1 - PRIORITIES.indexOf(priority) : PRIORITIES.length);

const isClip = (item: Item): boolean => item.sourceId === CLIP_SOURCE_ID;

/** The date the digest shows and sorts by. */
function dateOf(item: Item): string {
  if (isClip(item) && item.clip) return item.clip.clippedAt;
  return item.published ?? item.fetched;
}

/**
 * An item belongs to the period by its publication (else when Vigie first saw it), or by the day a member
 * clipped it: an older page clipped this week is this week's news to the COPIL. Not by its alerts' dates:
 * the backlog of a source added today is not today's news.
 */
const publishedIn = (item: Item, period: DigestPeriod): boolean => inPeriod(item.published ?? item.fetched, period) || inPeriod(item.clip?.clippedAt, period);

/** What the COPIL hears about: what rang, and what a member starred, clipped, advised on or judged. */
const worthTelling = (item: Item, alerts: readonly Alert[]): boolean => alerts.length > 0 || item.starred || !!item.clip || !!adviceOf(item) || !!item.impact;

/** The note as « Conseil : … » says it once: a member who began with that word does not get it twice. */
function adviceOf(item: Item): string | undefined {
  const note = item.note?.trim().replace(/^(conseil|advice)\s*:\s*/i, '').trim();
  return note || undefined;
}

/** A line or two of the article, to talk about it without opening it. */
const EXCERPT_CHARS = 220;
function excerptOf(item: Item): string | undefined {
  const text = (item.summary ?? item.clip?.quote ?? item.clip?.description)?.replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  if (text.length <= EXCERPT_CHARS) return text;
  const cut = text.slice(0, EXCERPT_CHARS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), EXCERPT_CHARS - 40)).trimEnd()}…`;
}

/**
 * The digest of a period: the items published in it (or clipped in it) that rang or that a member starred,
 * clipped, advised on or judged, one entry per item, filed by category of the shared taxonomy; within each,
 * the most urgent first, then « fort » impact first, then the newest. `translate` must speak `input.language` (it gives the title and the
 * words "Sans titre", "Clip", "Autres").
 */
export function buildDigest(input: DigestInput, translate: Translate): Digest {
  const { period, language } = input;
  const itemsById = new Map(input.items.map((item) => [item.id, item]));
  const sourcesById = new Map(input.sources.map((source) => [source.id, source]));
  const tagsById = new Map(input.tags.map((tag) => [tag.id, tag]));
  const categories = categoriesOf(input.tags);
  const ranks = sharedRanks(input.tags);

  // Each item's alerts, gathered: several rules on one item make one entry.
  const alertsByItem = new Map<string, Alert[]>();
  for (const alert of input.alerts) {
    if (!itemsById.has(alert.itemId)) continue;
    const gathered = alertsByItem.get(alert.itemId);
    if (gathered) gathered.push(alert);
    else alertsByItem.set(alert.itemId, [alert]);
  }
  const chosen = [...itemsById.values()].filter((item) => publishedIn(item, period) && worthTelling(item, alertsByItem.get(item.id) ?? []));

  const tagLabels = (item: Item): string[] =>
    item.tags
      .map((id) => tagsById.get(id))
      .filter((tag): tag is Tag => tag !== undefined)
      .map((tag) => ({ label: tag.label[language], rank: ranks.get(tag.id) ?? Number.POSITIVE_INFINITY }))
      .sort((a, b) => a.rank - b.rank || a.label.localeCompare(b.label, language))
      .map((tag) => tag.label);

  const entryOf = (item: Item): DigestEntry => {
    const alerts = (alertsByItem.get(item.id) ?? []).sort((a, b) => urgency(a.priority) - urgency(b.priority) || a.ruleName.localeCompare(b.ruleName, language));
    const source = sourcesById.get(item.sourceId);
    return {
      itemId: item.id,
      title: item.title.trim() || translate('untitled'),
      ...(item.url ? { url: item.url } : {}),
      source: isClip(item) ? translate('clipLabel') : source?.title.trim() || translate(item.clip ? 'clipLabel' : 'digestSourceUnknown'),
      date: dateOf(item),
      ...(alerts[0] ? { priority: alerts[0].priority } : {}),
      rules: [...new Set(alerts.map((alert) => alert.ruleName))],
      ...(item.impact ? { impact: item.impact } : {}),
      ...(adviceOf(item) ? { note: adviceOf(item) } : {}),
      ...(excerptOf(item) ? { excerpt: excerptOf(item) } : {}),
      tags: tagLabels(item),
      starred: item.starred,
      ...languageField(item.language, source?.language),
    };
  };

  // Sections in the taxonomy's order, "Autres" last; empty ones are left out.
  const sections = new Map<string, { rank: number; group: DigestGroup }>();
  const other: DigestGroup = { label: translate('digestOther'), entries: [] };
  for (const item of chosen) {
    const category = categoryOfItem(item.tags, categories);
    if (!category) {
      other.entries.push(entryOf(item));
      continue;
    }
    let section = sections.get(category.tag.id);
    if (!section) sections.set(category.tag.id, (section = { rank: category.rank, group: { tagId: category.tag.id, label: category.tag.label[language], entries: [] } }));
    section.group.entries.push(entryOf(item));
  }
  const groups = [...[...sections.values()].sort((a, b) => a.rank - b.rank).map((section) => section.group), other].filter((group) => group.entries.length > 0);
  for (const group of groups) group.entries.sort(byUrgencyThenNewest(language));

  return {
    kind: input.kind,
    language,
    ...(input.timeZone ? { timeZone: input.timeZone } : {}),
    title: translate(`digestTitle_${input.kind}`),
    period,
    counts: countsOf(groups),
    groups,
    experiences: experiencesOf(input.shares ?? [], period, translate, language),
    fiches: ficheChangesOf(input.fiches ?? [], period, language),
  };
}

/** Counted per listed item (see DigestCounts). */
export function countsOf(groups: readonly DigestGroup[]): DigestCounts {
  const entries = groups.flatMap((group) => group.entries);
  const countOf = (priority: Priority) => entries.filter((entry) => entry.priority === priority).length;
  return { items: entries.length, critical: countOf('critical'), important: countOf('important'), info: countOf('info'), starred: entries.filter((entry) => entry.starred).length };
}

/** « fort » first, then « moyen », « faible », then no impact. */
const weight = (impact?: Impact): number => (impact ? IMPACTS.length - 1 - IMPACTS.indexOf(impact) : IMPACTS.length);

function byUrgencyThenNewest(language: string) {
  return (a: DigestEntry, b: DigestEntry): number =>
    urgency(a.priority) - urgency(b.priority) ||
    weight(a.impact) - weight(b.impact) ||
    Date.parse(b.date) - Date.parse(a.date) ||
    a.title.localeCompare(b.title, language) ||
    a.itemId.localeCompare(b.itemId);
}
