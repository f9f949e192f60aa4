import type { Alert } from '../../model/alert';
import type { Fiche } from '../../model/fiche';
import type { Settings } from '../../model/settings';
import type { Share } from '../../model/share';
import type { RulePack } from '../../packs/rule-pack';
import type { SourcePack } from '../../packs/source-pack';
import type { Poller } from '../../refresh/poller';
import type { VigieStore } from '../../store/store';
import type { Prune } from '../retention';

/**
 * What the background's handlers need from the outside. Browser APIs come in through here, so that the
 * handlers run in Node tests against fake-indexeddb.
 */
export interface HandlerDeps {
  store: VigieStore;
  poller: Poller;
  /** The refresh the background starts by itself when the curated pack brings sources (first run, update). */
  startupRefresh?: Promise<unknown>;
  /** Recomputes the badge and tells open pages what changed (`ids`, when known). */
  itemsChanged: (ids?: string[]) => Promise<void>;
  sourcesChanged: () => void;
  /** Alerts were raised or read (`items`: those whose alerts changed): the badge and open pages follow. */
  alertsChanged: (items?: string[]) => Promise<void>;
  /** Alerts raised outside a refresh (a new source's recent articles): the notification, as a refresh's. */
  alertsRaised?: (alerts: Alert[]) => Promise<void>;
  rulesChanged: () => void;
  /** The default rules as shipped (a JSON file beside the background), for a store that lacks them. */
  rulePack?: () => Promise<RulePack>;
  /** The curated sources, page monitors and taxonomy as shipped, likewise. */
  sourcePack?: () => Promise<SourcePack>;
  tagsChanged: () => void;
  /** Lets pages that start later know the settings they must follow before asking (the language). */
  settingsChanged: (settings: Settings) => Promise<void>;
  canRead?: (originPattern: string) => Promise<boolean>;
  /** The COPIL's list or this outbox changed (`added`: others' new shares): badge, open pages, notification. */
  hubChanged?: (added: Share[], fiches?: { changed: Fiche[]; read: boolean }) => Promise<void>;
  /** The fiches conseils changed here (a save, a reading): open pages read them again. */
  fichesChanged?: () => void;
  /** Hands the background the hub's sync, for its alarm. */
  registerHubSync?: (sync: () => Promise<unknown>) => void;
  fetchImpl?: typeof fetch;
  /** Removes the old items the member's retention lets go (one run at a time); made from the rest when absent. */
  prune?: Prune;
  /** `navigator.storage.estimate()`, where there is one (absent in Node). */
  estimateStorage?: () => Promise<{ usage?: number; quota?: number }>;
  /** Reads the page of a tab for a clip (`scripting.executeScript`); its answer is checked by the handler. */
  capturePage?: (tabId: number) => Promise<unknown>;
}
