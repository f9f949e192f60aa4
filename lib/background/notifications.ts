import { alertNotification, inQuietHours } from '../alerts/notify';
import { loadConnection } from '../hub/connection';
import type { Translate } from '../i18n/translate';
import type { Alert } from '../model/alert';
import type { Fiche } from '../model/fiche';
import type { Share } from '../model/share';
import { loadSettings } from '../settings/settings';
import { sharedBy } from '../store/shares';
import type { VigieStore } from '../store/store';

/** `browser.notifications`, as far as Vigie uses it (basic notifications: all Firefox offers). */
export interface Notifier {
  create(id: string, options: { type: 'basic'; iconUrl: string; title: string; message: string }): Promise<unknown>;
}

export interface NotifyDeps {
  store: VigieStore;
  notifications: Notifier;
  iconUrl: string;
  /** The member's language (see language.ts), not the browser's. */
  words: () => Promise<Translate>;
  now?: () => Date;
}

/**
 * The prefix of every Vigie notification's id; the rest is the dashboard address a click opens, since the
 * background may have slept between the notification and the click.
 */
export const NOTIFICATION_PREFIX = 'vigie';

/** One desktop notification for what a refresh raised, if the rules and Paramètres ask for it. */
export async function notifyAlerts(deps: NotifyDeps, alerts: readonly Alert[]): Promise<void> {
  const { store } = deps;
  const rules = new Map((await store.rules.list()).map((rule) => [rule.id, rule]));
  const wanted = alerts.filter((alert) => !alert.read && rules.get(alert.ruleId)?.actions.notify);
  if (wanted.length === 0) return;
  const items = await Promise.all(wanted.map((alert) => store.getItem(alert.itemId)));
  const titles = new Map(items.flatMap((item) => (item ? [[item.id, item.title] as const] : [])));
  const settings = await loadSettings(store);
  const notice = alertNotification(wanted, (id) => titles.get(id) ?? '', settings, deps.now?.() ?? new Date(), await deps.words());
  if (!notice) return;
  await deps.notifications.create(`${NOTIFICATION_PREFIX}${notice.route}`, { type: 'basic', iconUrl: deps.iconUrl, title: notice.title, message: notice.message });
}

/**
 * Others' new shares on the hub: one notification, naming the author when there is one share. Comments on
 * this member's own shares come next: named by who wrote the newest one, with its words.
 */
export async function notifyShares(deps: NotifyDeps, added: readonly Share[]): Promise<void> {
  if (added.length === 0) return;
  const settings = await loadSettings(deps.store);
  if (!settings.notifications || inQuietHours(settings.quietHours, deps.now?.() ?? new Date())) return;
  const me = (await loadConnection(deps.store))?.member.id ?? '';
  const fresh = added.filter((share) => !sharedBy(share, me));
  const t = await deps.words();
  const [first] = fresh;
  const notify = (share: Share, title: string, message: string) =>
    deps.notifications.create(`${NOTIFICATION_PREFIX}#/copil?share=${encodeURIComponent(share.id)}`, { type: 'basic', iconUrl: deps.iconUrl, title, message });
  if (first) {
    await notify(first, fresh.length === 1 ? t('copilNotifyOne', [first.author.name]) : t('copilNotifyMany', [String(fresh.length)]), first.title);
    return;
  }
  const commented = added[0]!;
  const comment = commented.comments.filter((c) => c.author.id !== me).sort((a, b) => a.created.localeCompare(b.created)).at(-1);
  if (comment) await notify(commented, t('notifyCommentTitle', [comment.author.name]), `${commented.title} — ${comment.body.slice(0, 200)}`);
}

/** Fiches a colleague changed, if the member asked to be told (Paramètres): one notification, opening the fiche. */
export async function notifyFiches(deps: NotifyDeps, changed: readonly Fiche[]): Promise<void> {
  const [first] = changed;
  if (!first) return;
  const settings = await loadSettings(deps.store);
  if (!settings.notifications || !settings.ficheNotifications || inQuietHours(settings.quietHours, deps.now?.() ?? new Date())) return;
  const t = await deps.words();
  const title = changed.length === 1 ? t('ficheNotifyOne', [first.updatedBy?.name ?? '']) : t('ficheNotifyMany', [String(changed.length)]);
  await deps.notifications.create(`${NOTIFICATION_PREFIX}#/fiches/${encodeURIComponent(first.id)}`, { type: 'basic', iconUrl: deps.iconUrl, title, message: changed.map((fiche) => fiche.title).join(' · ').slice(0, 200) });
}
