import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n/browser';
import { onEvent, request } from '@/lib/messages/client';
import type { Source } from '@/lib/model/source';
import type { Tag } from '@/lib/model/tag';
import { parseRoute, type Route } from '@/lib/reader/route';
import type { SearchClient } from '@/lib/reader/search-client';
import type { VigieReader } from '@/lib/store/reader';
import { WhatsNew } from '../about/WhatsNew';
import { AlertsView } from '../alerts/AlertsView';
import type { FirstScreen } from '../items/first-screen';
import { ItemsView } from '../items/ItemsView';
import { ReadingPane } from '../items/lazy-reading-pane';
import { firstPaint } from '../ui/first-render';
import { rescueFocus } from '../ui/focus-rescue';
import { lazyView } from './lazy-view';
import { Nav } from './Nav';
import { pageTitle, sectionName, useDocumentTitle, useFocusOnSection } from './page-title';
import { useUnreadCounts } from './use-unread-counts';

const DigestView = lazyView(() => import('../digest/DigestView').then((module) => module.DigestView));
const HubView = lazyView(() => import('../hub/HubView').then((module) => module.HubView));
const FichesView = lazyView(() => import('../fiches/FichesView').then((module) => module.FichesView));
const RulesView = lazyView(() => import('../rules/RulesView').then((module) => module.RulesView));
const TimelineSection = lazyView(() => import('../timeline/TimelineSection').then((module) => module.TimelineSection));
const SettingsView = lazyView(() => import('../settings/SettingsView').then((module) => module.SettingsView));
const SourcesView = lazyView(() => import('../sources/SourcesView').then((module) => module.SourcesView));

/** Every section but the lists loads its code when first shown (see lazy-view.tsx). */
const LAZY_VIEWS = [ReadingPane, DigestView, HubView, FichesView, RulesView, TimelineSection, SettingsView, SourcesView];

export interface DashboardProps {
  reader: VigieReader;
  search: SearchClient;
  /** The plain list's newest rows, read before the first render (see first-screen.ts). */
  firstScreen?: FirstScreen;
  /** The sources and tags as the store held them at opening, so that the first frame names them. */
  known?: KnownLists;
}

export interface KnownLists {
  sources: Source[];
  tags: Tag[];
}

/** The full-tab page: navigation on the side, the chosen section beside it. The address says which. */
export function Dashboard({ reader, search, firstScreen, known }: DashboardProps) {
  const [route, setRoute] = useState<Route>(() => parseRoute(location.hash));
  const [sources, setSources] = useState<Source[]>(known?.sources ?? []);
  const [tags, setTags] = useState<Tag[]>(known?.tags ?? []);
  const [unreadAlerts, setUnreadAlerts] = useState(0);
  const [unreadShares, setUnreadShares] = useState(0);
  const [changedFiches, setChangedFiches] = useState(0);
  const counts = useUnreadCounts(reader, sources, tags);
  const name = sectionName(route, sources, tags);
  // With an item open, its view titles the tab with the item's title (ItemsView, AlertsView).
  useDocumentTitle('item' in route && route.item ? undefined : pageTitle(name));
  useFocusOnSection(route);

  // A second after the first screen, the other sections' code downloads, out of the first paint's way.
  useEffect(() => {
    const timer = setTimeout(() => LAZY_VIEWS.forEach((view) => view.preload()), 1_000);
    return () => clearTimeout(timer);
  }, []);

  // Focus never falls to the page when what had it goes (see focus-rescue.ts).
  useEffect(() => rescueFocus(), []);

  useEffect(() => {
    const follow = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);

  useEffect(() => {
    const loadSources = () => void request('listSources', {}).then(setSources);
    const loadTags = () => void request('listTags', {}).then(setTags);
    const loadFiches = () => void request('listFiches', {}).then((view) => setChangedFiches(view.changed.length), () => undefined);
    // The background's lists and the counts come once the first screen is on view.
    void firstPaint.then(() => {
      loadSources();
      loadTags();
      void reader.countUnreadAlerts().then(setUnreadAlerts);
      void reader.countUnreadShares().then(setUnreadShares);
      loadFiches();
    });
    return onEvent((event) => {
      if (event.event === 'sourcesChanged' || event.event === 'refreshFinished') loadSources();
      if (event.event === 'tagsChanged') loadTags();
      if (event.event === 'alertsChanged') setUnreadAlerts(event.unread);
      if (event.event === 'hubChanged') setUnreadShares(event.unread);
      if (event.event === 'fichesChanged') loadFiches();
    });
  }, [reader]);

  return (
    <div class="dashboard">
      <a class="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <Nav route={route} sources={sources} tags={tags} unreadAlerts={unreadAlerts} unreadShares={unreadShares} changedFiches={changedFiches} counts={counts} />
      <main id="main" class="dashboard__main" tabIndex={-1}>
        {route.section === 'items' && <ItemsView reader={reader} search={search} route={route} sources={sources} tags={tags} firstScreen={firstScreen} sectionName={name} />}
        {route.section === 'alerts' && <AlertsView reader={reader} item={route.item} sources={sources} tags={tags} sectionName={name} />}
        {route.section === 'copil' && <HubView reader={reader} tags={tags} />}
        {route.section === 'fiches' && <FichesView reader={reader} selected={route.fiche} />}
        {route.section === 'digest' && <DigestView load={(kind) => import('../digest/digest-data').then((module) => module.loadDigest(reader, kind))} />}
        {route.section === 'rules' && <RulesView selected={route.rule} tags={tags} />}
        {route.section === 'timeline' && <TimelineSection reader={reader} sources={sources} tags={tags} />}
        {route.section === 'sources' && <SourcesView sources={sources} />}
        {route.section === 'settings' && <SettingsView />}
      </main>
      <WhatsNew reader={reader} />
    </div>
  );
}
