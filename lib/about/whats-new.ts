import semverGt from 'semver/functions/gt';
import semverValid from 'semver/functions/valid';
import { CHANGELOG, type ChangelogEntry } from './changelog';

/**
 * « Quoi de neuf »: after an update, the dashboard shows once what changed since the version this browser
 * ran last. The background notes the version at each start (browsers' onInstalled does not say "update" for
 * every path: Firefox reinstalls a temporary add-on, a restored profile starts cold), so the store itself
 * says which version last opened it.
 */

/** The entries an update brings to a member: above `from` (excluded), up to `to` (included), newest first. */
export function entriesBetween(from: string, to: string, changelog: readonly ChangelogEntry[] = CHANGELOG): ChangelogEntry[] {
  return changelog.filter((entry) => semverGt(entry.version, from) && !semverGt(entry.version, to));
}

/** The update still to show: from the version the member ran before it, to the one running. */
export interface PendingWhatsNew {
  from: string;
  to: string;
}

/**
 * Versions before 0.2.0 never noted themselves, and all said 0.1.0 whatever they held: a store they used is
 * shown every entry, the oldest included (the retired France-collection source among them).
 */
export const BEFORE_NOTING = '0.0.0';

export interface VersionNote {
  /** The version that last opened the store: `running` from now on. */
  lastVersion: string;
  /** What the dashboard is to show, or undefined when there is nothing new for this member. */
  pending: PendingWhatsNew | undefined;
}

/**
 * What a start of `running` makes of the store's notes. `usedBefore`: the store held a member's data before
 * this start (a fresh install has nothing to catch up on). An update not yet seen keeps its oldest `from`, so
 * two updates in a row show both; going back to an older version shows nothing and forgets what was pending.
 */
export function noteVersion(running: string, last: string | undefined, pending: PendingWhatsNew | undefined, usedBefore: boolean): VersionNote {
  const previous = last && semverValid(last) ? last : usedBefore ? BEFORE_NOTING : undefined;
  if (!previous || !semverGt(running, previous)) {
    const stillNew = pending && semverGt(running, pending.from) ? { from: pending.from, to: running } : undefined;
    return { lastVersion: running, pending: previous && semverGt(previous, running) ? undefined : stillNew };
  }
  const from = pending && semverValid(pending.from) && semverGt(previous, pending.from) ? pending.from : previous;
  return { lastVersion: running, pending: entriesBetween(from, running).length > 0 ? { from, to: running } : undefined };
}
