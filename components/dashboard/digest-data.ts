import type { IDBPDatabase } from 'idb';
import { buildDigest, digestPeriod, type Digest, type DigestKind } from '@/lib/digest';
import { t, uiLanguage } from '@/lib/i18n/browser';
import type { VigieSchema } from '@/lib/store/schema';
import { fromAlertRecord } from '@/lib/store/alerts';
import { fromRecord } from '@/lib/store/store';

/**
 * The digest's data, read from the store in one transaction: the alerts of the period, their items, the
 * starred items, the sources and tags (pages read the store directly; only the background writes).
 */
export async function loadDigest(db: IDBPDatabase<VigieSchema>, kind: DigestKind, now = new Date()): Promise<Digest> {
  const period = digestPeriod(kind, now);
  const tx = db.transaction(['alerts', 'items', 'sources', 'tags']);
  const [alertRecords, starred, sources, tags] = await Promise.all([
    tx.objectStore('alerts').index('byCreated').getAll(IDBKeyRange.bound(period.from, period.to)),
    tx.objectStore('items').index('byStarred').getAll(),
    tx.objectStore('sources').getAll(),
    tx.objectStore('tags').getAll(),
  ]);
  const alerts = alertRecords.map(fromAlertRecord);
  const alerted = await Promise.all([...new Set(alerts.map((alert) => alert.itemId))].map((id) => tx.objectStore('items').get(id)));
  const items = [...starred, ...alerted.flatMap((record) => (record ? [record] : []))].map(fromRecord);
  return buildDigest({ kind, period, alerts, items, sources, tags, language: uiLanguage() === 'en' ? 'en' : 'fr' }, t);
}
