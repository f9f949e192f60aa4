/**
 * The pages Vigie watches from the start: Meta's changelogs for the APIs that publishing and advertising tools
 * use, and the Community Standards that moderation follows. They have no feed, so their text is compared
 * between checks (every 6 hours: they change a few times a month at most).
 *
 * These pages are Meta's: they may be built by scripts, which Vigie does not run, or answer an anonymous
 * visitor with a login page or a cookie wall. Either shows in the source's health (`no-match`, `login`,
 * `empty-page`) instead of as a change, and the user must see that health to know the watch has gone blind.
 *
 * Selectors: developers.facebook.com serves its documentation in `#documentation_body_pagelet` (as the many
 * scrapers of these docs rely on); the Transparency Center's main content is `#mdc-main-content` (as Open Terms
 * Archive's Facebook declaration selects it on the same page). The rest drops what is not the document:
 * navigation, the page's banner and footer, cookie banners and dialogs, buttons, feedback widgets.
 */
export interface DefaultMonitor {
  id: string;
  title: string;
  url: string;
  select: string[];
  remove: string[];
  retention: number;
  intervalMinutes: number;
  /** BCP 47, as a source's `language`. */
  language: string;
}

const RETENTION = 20;
const INTERVAL_MINUTES = 360;

/**
 * What is never the document on Meta's pages, whichever the page. Not `header` or `footer` as such: inside the
 * selected content, an article's own `<header>` holds its title.
 */
const CHROME = [
  'nav',
  '[role="navigation"]',
  '[role="banner"]',
  '[role="contentinfo"]',
  '[role="dialog"]',
  '[aria-modal="true"]',
  '[data-cookiebanner]',
  '[id*="cookie-banner"]',
  'button',
];

export const DEFAULT_MONITORS: readonly DefaultMonitor[] = [
  {
    id: 'monitor-graph-api-changelog',
    title: 'Meta for Developers — Graph API changelog',
    url: 'https://developers.facebook.com/docs/graph-api/changelog',
    select: ['#documentation_body_pagelet'],
    // The docs' "Was this page helpful?" box and the "On this page" table of contents.
    remove: [...CHROME, '[aria-label*="feedback" i]', '[aria-label="On this page"]'],
    retention: RETENTION,
    intervalMinutes: INTERVAL_MINUTES,
    language: 'en',
  },
  {
    id: 'monitor-marketing-api-changelog',
    title: 'Meta for Developers — Marketing API changelog',
    url: 'https://developers.facebook.com/docs/marketing-api/marketing-api-changelog/',
    select: ['#documentation_body_pagelet'],
    remove: [...CHROME, '[aria-label*="feedback" i]', '[aria-label="On this page"]'],
    retention: RETENTION,
    intervalMinutes: INTERVAL_MINUTES,
    language: 'en',
  },
  {
    id: 'monitor-community-standards',
    title: 'Meta Transparency Center — Community Standards',
    url: 'https://transparency.meta.com/policies/community-standards/',
    select: ['#mdc-main-content'],
    remove: [...CHROME, 'img', 'video', 'iframe'],
    retention: RETENTION,
    intervalMinutes: INTERVAL_MINUTES,
    language: 'en',
  },
];
