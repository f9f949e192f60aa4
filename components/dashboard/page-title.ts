import { useEffect, useRef } from 'preact/hooks';
import { t, uiLanguage } from '@/lib/i18n/browser';
import type { Source } from '@/lib/model/source';
import type { Tag } from '@/lib/model/tag';
import type { Route, View } from '@/lib/reader/route';

/** Each view's name in the navigation, in its order (Nav.tsx lists them from here). */
export const VIEW_KEYS = { all: 'navAll', unread: 'navUnread', starred: 'navStarred', clips: 'navClips' } as const satisfies Record<View, string>;
const SECTION_KEYS = { alerts: 'navAlerts', digest: 'navDigest', copil: 'navCopil', fiches: 'navFiches', timeline: 'navTimeline', rules: 'navRules', sources: 'navSources', settings: 'navSettings' } as const;

/** The section's name as the navigation says it: « Alertes », « Non lus », a source's title, a tag's label. */
export function sectionName(route: Route, sources: readonly Source[], tags: readonly Tag[]): string {
  if (route.section !== 'items') return t(SECTION_KEYS[route.section]);
  if (route.sourceId) return sources.find((source) => source.id === route.sourceId)?.title ?? t('navBySource');
  if (route.tag) {
    const tag = tags.find((entry) => entry.id === route.tag);
    return tag ? tag.label[uiLanguage() === 'fr' ? 'fr' : 'en'] : t('navByTag');
  }
  return t(VIEW_KEYS[route.view]);
}

/** « <item> — <section> — Vigie »: what the tab, the history and a screen reader call the page (RGAA 8.6). */
export const pageTitle = (...parts: (string | undefined)[]): string => [...parts, 'Vigie'].filter(Boolean).join(' — ');

/** Sets the tab's title while `title` is given; the dashboard gives the section's, a view with an item open the item's. */
export function useDocumentTitle(title: string | undefined): void {
  useEffect(() => {
    if (title) document.title = title;
  }, [title]);
}

/**
 * A change of section moves focus to the section's heading: that is how a screen reader hears that the page
 * changed (RGAA 12.8). The first render leaves focus where the browser put it.
 */
export function useFocusOnSection(route: Route): void {
  const section = route.section === 'items' ? `items:${route.view}:${route.sourceId ?? ''}:${route.tag ?? ''}` : route.section;
  const previous = useRef(section);
  useEffect(() => {
    if (previous.current === section) return;
    previous.current = section;
    // The new section renders (and may load its code) first: its heading is looked for until it is there.
    let tries = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const focusHeading = () => {
      const heading = document.querySelector<HTMLElement>('#main h1');
      if (heading) {
        heading.tabIndex = -1;
        heading.focus({ preventScroll: true });
      } else if (++tries < 40) timer = setTimeout(focusHeading, 50);
    };
    focusHeading();
    return () => clearTimeout(timer);
  }, [section]);
}
