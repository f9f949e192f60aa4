/**
 * The fixed words of the model, without zod: pages whose size is budgeted (the popup) import these
 * instead of the schemas in item.ts, which would bring zod with them.
 */

/** Impact: faible / moyen / fort. */
export const IMPACTS = ['low', 'medium', 'high'] as const;
export type Impact = (typeof IMPACTS)[number];

/** Triage status: à analyser / analysé / diffusé. */
export const TRIAGE_STATES = ['to-review', 'reviewed', 'shared-out'] as const;
export type Triage = (typeof TRIAGE_STATES)[number];

/** Items clipped from a page that no followed source carries belong to this pseudo-source. */
export const CLIP_SOURCE_ID = 'clips';

/** Past events members add by hand to the timeline (the history of Meta's changes) belong to this pseudo-source. */
export const HISTORY_SOURCE_ID = 'history';

/** An alert's priority, lowest first: info / important / critique. */
export const PRIORITIES = ['info', 'important', 'critical'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** Where a priority stands: higher is more urgent. */
export const priorityRank = (priority: Priority): number => PRIORITIES.indexOf(priority);

/** The most urgent of several priorities (what the badge's colour says); none when there are none. */
export function highestPriority(priorities: Iterable<Priority | undefined>): Priority | undefined {
  let highest: Priority | undefined;
  for (const priority of priorities) if (priority && (!highest || priorityRank(priority) > priorityRank(highest))) highest = priority;
  return highest;
}

/** Where a rule looks: the item's title, its text (summary and content), link, author, source, the source's category, its tags. */
export const RULE_FIELDS = ['title', 'content', 'url', 'author', 'source', 'category', 'tags'] as const;
export type RuleField = (typeof RULE_FIELDS)[number];

/**
 * How a condition's terms are read: `words` (every word of a term, anywhere in the field), `phrase` (the words
 * of a term, in a row), `regex` (a regular expression). Words and phrases ignore case and accents and accept
 * French plurals and elisions.
 */
export const MATCH_MODES = ['words', 'phrase', 'regex'] as const;
export type MatchMode = (typeof MATCH_MODES)[number];

/** How a condition's terms combine: all of them, any of them, none of them. */
export const TERM_COMBINATIONS = ['all', 'any', 'none'] as const;
export type TermCombination = (typeof TERM_COMBINATIONS)[number];

/** Why a source could not be read (see feed-error.ts); here, without zod, so that pages can word them. */
export const FEED_ERROR_CODES = [
  'network',
  'timeout',
  'http',
  'too-large',
  'not-a-feed',
  'malformed',
  'permission',
  'quota',
  'storage',
  // Watched pages (monitors): what a page gave instead of text worth a version.
  'binary',
  'login',
  'no-match',
  'empty-page',
] as const;
