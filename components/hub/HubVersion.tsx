import { HUB_EXPECTED } from '@/lib/hub/version';
import { t } from '@/lib/i18n/browser';
import type { HubStatus } from '@/lib/messages/requests/hub';

/** Says when the hub is older or newer than this Vigie expects, and who can act on it (lib/hub/version.ts). */
export function HubVersion({ status }: { status: HubStatus }) {
  if (!status.versionGap || !status.hubVersion) return null;
  // « ^1.0.0 » is npm's; members read « 1.x ».
  const expected = `${HUB_EXPECTED.replace(/^\^(\d+)\..*$/, '$1')}.x`;
  return (
    <p class="problem" role="status" data-hub-version={status.versionGap}>
      {t(`hubVersion_${status.versionGap}`, [status.hubVersion, expected])}
    </p>
  );
}
