import { startRuleRun } from '../alerts/triage';
import type { VigieEvent } from '../messages/protocol';
import type { Alert } from '../model/alert';
import type { FeedErrorInfo } from '../model/feed-error';
import type { Settings } from '../model/settings';
import { loadSettings } from '../settings/settings';
import type { VigieStore } from '../store/store';
import { refreshSources, type RefreshSummary } from './refresh';
import { isDue } from './schedule';

/**
 * Drives refreshes for the background: the alarm asks for the due sources, the "Rafraîchir" button for all
 * enabled ones. Only one refresh runs at a time; a request during a refresh waits for it rather than
 * fetching every source twice.
 */
export interface PollerDeps {
  store: VigieStore;
  broadcast: (event: VigieEvent) => void;
  /** Called after every refresh so that the badge follows the store; `alerts` are those the refresh raised. */
  afterRefresh: (summary: RefreshSummary, alerts: Alert[]) => Promise<void>;
  canRead?: (originPattern: string) => Promise<boolean>;
  fetchImpl?: typeof fetch;
  loadSettings?: (store: VigieStore) => Promise<Settings>;
}

export class Poller {
  private running: Promise<RefreshSummary> | undefined;
  private queuedAll: Promise<RefreshSummary> | undefined;
  /** Set when the last refresh could not save; a source's health may not hold it, since saving failed. */
  storageProblem: FeedErrorInfo | undefined;
  /** When the last refresh that had something to fetch ended. */
  lastFinished: string | undefined;

  constructor(private readonly deps: PollerDeps) {}

  get isRunning(): boolean {
    return this.running !== undefined;
  }

  /**
   * Resolves once no refresh runs and none waits its turn. What a page (or a test) awaits before reading
   * the store as the background left it, rather than guessing how long a refresh takes.
   */
  async idle(): Promise<void> {
    while (this.running || this.queuedAll) await (this.queuedAll ?? this.running)!.catch(() => undefined);
  }

  /**
   * `all`: every enabled source now (the user asked); otherwise only those whose interval has passed.
   * A timed poll during a refresh joins it; a user's refresh runs once the current one ends.
   */
  poll(all: boolean): Promise<RefreshSummary> {
    if (!this.running) {
      this.running = this.run(all).finally(() => {
        this.running = undefined;
      });
      return this.running;
    }
    if (!all) return this.running;
    this.queuedAll ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.queuedAll = undefined;
        return this.poll(true);
      });
    return this.queuedAll;
  }

  private async run(all: boolean): Promise<RefreshSummary> {
    const { store } = this.deps;
    const settings = await (this.deps.loadSettings ?? loadSettings)(store);
    const now = Date.now();
    const sources = (await store.listSources()).filter((source) => source.enabled && (all || isDue(source, now)));
    if (sources.length === 0) return { outcomes: [], added: [], failed: 0 };
    this.deps.broadcast({ channel: 'vigie', event: 'refreshStarted' });
    let summary: RefreshSummary = { outcomes: [], added: [], failed: 0 };
    try {
      const rules = await startRuleRun(store);
      summary = await refreshSources(sources, {
        store,
        settings,
        canRead: this.deps.canRead,
        fetchImpl: this.deps.fetchImpl,
        triage: rules.triage,
      });
      this.storageProblem = summary.outcomes.find((outcome) => outcome.error?.code === 'quota' || outcome.error?.code === 'storage')?.error;
      // Only the alerts of items that were stored: a source whose save failed raised nothing.
      const added = new Set(summary.added);
      await this.deps.afterRefresh(summary, rules.raised.filter((alert) => added.has(alert.itemId)));
      return summary;
    } finally {
      this.lastFinished = new Date().toISOString();
      // Open pages must leave their "refreshing" state whatever happened.
      this.deps.broadcast({ channel: 'vigie', event: 'refreshFinished', added: summary.added.length, failed: summary.failed });
    }
  }
}
