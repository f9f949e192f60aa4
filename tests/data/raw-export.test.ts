import { describe, expect, it } from 'vitest';
import { BackupError, parseBackup } from '../../lib/data/backup';
import { rawExport, RAW_EXPORT_FORMAT, RAW_EXPORT_VERSION } from '../../lib/data/raw-export';
import { DB_VERSION } from '../../lib/store/schema';
import { createNewerStore, NEWER, snapshot } from '../store/newer-store';

/**
 * The backup a member can still take of a store a newer Vigie made: every record of every object store,
 * read at the store's own version, nothing written; not a vigie-backup file, and the file says so.
 */
describe('the raw export of a newer store', () => {
  it('copies every record of every object store as stored, except the hub token, and changes nothing', async () => {
    const name = `test-${crypto.randomUUID()}`;
    await createNewerStore(name);
    const before = await snapshot(name);

    const exported = await rawExport(name, new Date('2026-03-03T10:00:00.000Z'));
    expect(exported).toMatchObject({
      format: RAW_EXPORT_FORMAT,
      version: RAW_EXPORT_VERSION,
      exportedAt: '2026-03-03T10:00:00.000Z',
      database: { name, version: NEWER, readableUpTo: DB_VERSION },
    });
    expect(exported.note.fr).toContain("Ce n'est pas une sauvegarde au format vigie-backup");
    expect(Object.keys(exported.stores).sort()).toEqual([...before.names].sort());
    for (const [store, { records, keys }] of Object.entries(before.stores)) {
      const copied = exported.stores[store]!;
      if (store === 'meta') {
        expect(copied.records).toEqual(records.filter((record) => (record as { key: string }).key !== 'hub'));
        expect(JSON.stringify(copied)).not.toContain('secret-token');
      } else expect(copied.records).toEqual(records);
      // Keys beside the records are kept beside them, in the same order.
      if (store === 'drafts') expect(copied).toMatchObject({ keyPath: null, keys });
    }
    expect(exported.stores.digests?.records).toEqual([{ id: 'weekly-2026-09', sent: '2026-03-02T09:00:00.000Z', itemIds: ['a-1'] }]);
    expect(exported.stores.items?.records).toHaveLength(3);
    // The file is JSON through and through.
    expect(JSON.parse(JSON.stringify(exported))).toEqual(exported);

    expect(await snapshot(name)).toEqual(before);
  });

  it('is not taken for a backup by the import, which says why', async () => {
    const name = `test-${crypto.randomUUID()}`;
    await createNewerStore(name);
    const text = JSON.stringify(await rawExport(name));
    expect(() => parseBackup(text)).toThrow(BackupError);
    expect(() => parseBackup(text)).toThrow('not a Vigie backup');
  });
});
