import type { VigieEvent } from '../messages/protocol';
import type { Alert } from '../model/alert';
import type { Fiche } from '../model/fiche';
import type { Share } from '../model/share';
import type { Poller } from '../refresh/poller';
import type { RefreshSummary } from '../refresh/refresh';
import { updateBadge, type BadgeAction } from './badge';
import { newSince } from './handlers/core';
import { notifyAlerts, notifyFiches, notifyShares, type NotifyDeps } from './notifications';
import { publishSummary, type SessionArea } from './summary';

export interface ChangeDeps extends NotifyDeps {
  /** The poller, once made: it is made with `refreshed` below, hence a function. */
  poller: () => Poller;
  broadcast: (event: VigieEvent) => void;
  action: BadgeAction;
  session: SessionArea;
}

/**
 * What follows each change in the store: the badge, the open pages (events), the popup's kept summary and
 * the notifications. The background calls these from its handlers and its poller; the order matters to
 * pages (the badge and events first, the summary for the next popup after).
 */
export function backgroundChanges(deps: ChangeDeps) {
  const { store, broadcast } = deps;
  const publish = () => publishSummary({ store, poller: deps.poller(), session: deps.session });

  async function badge() {
    const counts = await updateBadge(store, deps.action);
    broadcast({ channel: 'vigie', event: 'alertsChanged', unread: counts.alerts });
    return counts;
  }

  async function items(ids?: string[]): Promise<void> {
    broadcast({ channel: 'vigie', event: 'itemsChanged', newCount: await newSince(store), ...(ids ? { ids } : {}) });
    // Reading an item reads its alerts: the badge follows at once.
    await badge();
    await publish();
  }

  async function alerts(ids?: string[]): Promise<void> {
    if (ids && ids.length > 0) broadcast({ channel: 'vigie', event: 'itemsChanged', newCount: await newSince(store), ids });
    await badge();
    await publish();
  }

  /**
   * Others' new shares: the badge, open pages (their hub lists reload on this event only), one notification.
   * Fiches a colleague changed: open pages reload them, and a notification if the member asked for it.
   */
  async function hub(added: Share[], fiches: { changed: Fiche[]; read: boolean } = { changed: [], read: false }): Promise<void> {
    const counts = await badge();
    const outbox = await store.shares.outbox();
    broadcast({ channel: 'vigie', event: 'hubChanged', unread: counts.shares, pending: outbox.length });
    if (fiches.read) broadcast({ channel: 'vigie', event: 'fichesChanged' });
    await publish();
    await notifyShares(deps, added);
    await notifyFiches(deps, fiches.changed);
  }

  async function refreshed(summary: RefreshSummary, raised: Alert[]): Promise<void> {
    // Backgrounds stop between alarms: a refresh that brought nothing new leaves the badge as it is.
    if (summary.added.length > 0 || summary.outcomes.length > 0) await items(summary.added);
    await notifyAlerts(deps, raised).catch((error: unknown) => console.warn('Vigie: notification failed', error));
  }

  /** Alerts raised outside a refresh (a new source's recent articles); the badge followed with the items. */
  async function raised(alerts: Alert[]): Promise<void> {
    await notifyAlerts(deps, alerts).catch((error: unknown) => console.warn('Vigie: notification failed', error));
  }

  function sources(): void {
    broadcast({ channel: 'vigie', event: 'sourcesChanged' });
    void publish();
  }

  return { badge, items, alerts, raised, hub, refreshed, sources, publish };
}

export type BackgroundChanges = ReturnType<typeof backgroundChanges>;
