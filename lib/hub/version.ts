import semverGte from 'semver/functions/gte';
import semverValid from 'semver/functions/valid';
import semverGtr from 'semver/ranges/gtr';
import semverLtr from 'semver/ranges/ltr';

/**
 * The hub versions this extension speaks to: the hub's major version changes when its API does, so every
 * 1.x hub answers this code as it expects (1.1.0 added its version to each pull). The hub says its version at
 * joining and in every pull; the member and the admin are told when it falls outside this range.
 */
export const HUB_EXPECTED = '^1.0.0';

/** Where the hub's version stands against HUB_EXPECTED: older (its admin updates it), newer (the member updates Vigie). */
export type HubVersionGap = 'older' | 'newer';

export function hubVersionGap(version: string | undefined, expected = HUB_EXPECTED): HubVersionGap | undefined {
  // An older hub that said nothing, or something that is not a version, is no evidence either way.
  if (!version || !semverValid(version)) return undefined;
  if (semverGtr(version, expected)) return 'newer';
  if (semverLtr(version, expected)) return 'older';
  return undefined;
}

/**
 * Whether the hub knows a field or route added in `since` (a strict schema refuses what it does not know):
 * a hub that never said its version is taken as the oldest.
 */
export function hubHas(version: string | undefined, since: string): boolean {
  return !!version && !!semverValid(version) && semverGte(version, since);
}

/** Hub 1.2.0: one share per article, tags' labels, answers to comments. */
export const HUB_SHARE_LABELS = '1.2.0';
/** Hub 1.3.0: the language of a share's words. */
export const HUB_SHARE_LANGUAGE = '1.3.0';
/** Hub 1.4.0: « retours d'expérience » (shares of kind rex). */
export const HUB_REX = '1.4.0';
/** Fiches conseils, editors, suggestions and the white paper's licence line. */
export const HUB_FICHES = '1.5.0';
