import type { Db } from './db/db';
import type { ChangeEvents } from './events';
import { MEMBERS_CHANNEL } from './members/members';
import { newId } from './members/tokens';

/**
 * Live events across hub processes. On PostgreSQL several hubs may serve one database behind a proxy, and a
 * member's stream is held by whichever one the proxy chose: each write, once committed, is told to the
 * other processes with a NOTIFY, and each tells its own streams. A revocation (`revokeMember` notifies
 * with the member's id, from a hub or from `npm run hub -- revoke` in a process of its own) closes the
 * member's streams on every process. The embedded database has one process only: nothing crosses.
 */
export const LIVE_CHANNEL = 'vigie_live';

type LiveMessage = { kind: 'change'; cursor: number } | { kind: 'packs' };

export class LiveRelay {
  /** This process, so that it does not tell its streams twice what it told them itself. */
  private readonly origin = newId('p');

  constructor(private readonly db: Db, private readonly events: ChangeEvents) {}

  async start(): Promise<void> {
    await this.db.listen(LIVE_CHANNEL, (payload) => this.heard(payload));
    await this.db.listen(MEMBERS_CHANNEL, (memberId) => {
      if (memberId) this.events.closeMember(memberId);
    });
  }

  /** A share changed here (its transaction committed): this process's streams now, the others' through PostgreSQL. */
  changed(cursor: number): void {
    this.events.changed(cursor);
    this.tell({ kind: 'change', cursor });
  }

  packsChanged(): void {
    this.events.packsChanged();
    this.tell({ kind: 'packs' });
  }

  private tell(message: LiveMessage): void {
    if (this.db.kind !== 'postgres') return;
    // The write is already committed and answered for: a NOTIFY that fails (the server restarting) costs a
    // live event, which the members' next poll makes up for, never the write.
    this.db.query('SELECT pg_notify($1, $2)', [LIVE_CHANNEL, JSON.stringify({ ...message, from: this.origin })]).catch(() => {});
  }

  private heard(payload: string | undefined): void {
    if (payload === undefined) {
      // The listening connection was lost and is back: changes made meanwhile elsewhere went unheard, so every
      // stream is told the newest change and pulls what it lacks.
      this.db.query<{ seq: number | null }>('SELECT max(seq) AS seq FROM shares').then(
        ([latest]) => this.events.changed(Number(latest?.seq ?? 0)),
        () => {},
      );
      return;
    }
    let message: (LiveMessage & { from?: string }) | undefined;
    try {
      message = JSON.parse(payload) as LiveMessage & { from?: string };
    } catch {
      return;
    }
    if (message.from === this.origin) return;
    if (message.kind === 'change' && Number.isSafeInteger(message.cursor)) this.events.changed(message.cursor);
    else if (message.kind === 'packs') this.events.packsChanged();
  }
}

const relays = new WeakMap<ChangeEvents, Promise<LiveRelay>>();

/** The one relay of a hub's events, started at its first use by the routes that write. */
export function liveRelay(db: Db, events: ChangeEvents): Promise<LiveRelay> {
  let relay = relays.get(events);
  if (!relay) {
    const made = new LiveRelay(db, events);
    relay = made.start().then(() => made);
    relays.set(events, relay);
  }
  return relay;
}
