import type { FastifyBaseLogger } from 'fastify';
import type { Share } from '../../lib/model/share';
import type { Db, Queryable } from '../db/db';
import { ficheChange } from '../fiches/fiches';
import { getShare } from '../shares/shares';
import { matrixBatchMessage, matrixFicheMessage, matrixMessage, slackBatchMessage, slackFicheMessage, slackMessage } from './formats';
import { listWebhooks, webhookLimits, type Webhook, type WebhookLimits } from './webhooks';

const TIMEOUT_MS = 10_000;
/** Deliveries one pass claims at most. */
const CLAIM = 50;
/**
 * How long a claim holds: no other process touches the claimed deliveries meanwhile. Longer than a pass can
 * take (each message waits at most TIMEOUT_MS); a process that dies holding a claim delays them by this much.
 */
const LEASE_S = 600;
/** Titles per batch message; a larger batch goes out in several messages. */
const BATCH_TITLES = 50;
/** The advisory lock's first key: a member's announcements to one webhook are decided one process at a time. */
const GROUP_LOCK = 727275;

interface Claimed { id: number; webhook_id: string; share_id: string; member_id: string | null; attempts: number; batched: boolean; message_id: number | null }
interface Message { rows: Claimed[]; messageId: number; batch: boolean }

const CLAIMED_COLUMNS = 'id, webhook_id, share_id, member_id, attempts, batched, message_id';

/** Sends one message; resolves with the HTTP status, throws on a network failure or a timeout. */
async function send(webhook: Webhook, transaction: string, body: unknown): Promise<number> {
  const signal = AbortSignal.timeout(TIMEOUT_MS);
  if (webhook.kind === 'slack') {
    const response = await fetch(webhook.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal });
    return response.status;
  }
  // Matrix client-server API: the transaction id makes a retried send land once in the room. Message ids
  // (`vigie-m…`) never meet the delivery ids hubs before 1.2.0 used as transaction ids (`vigie-…`), nor a
  // fiche's announcements (`vigie-f…`).
  const base = webhook.url.replace(/\/$/, '');
  const url = `${base}/_matrix/client/v3/rooms/${encodeURIComponent(webhook.room!)}/send/m.room.message/vigie-${transaction}`;
  const response = await fetch(url, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${webhook.accessToken}` },
    body: JSON.stringify(body),
    signal,
  });
  return response.status;
}

const byId = (a: Claimed, b: Claimed) => Number(a.id) - Number(b.id);

/** Why a send failed, in the delivery log's words. */
const failure = (cause: unknown): string =>
  cause instanceof Error ? (cause.name === 'TimeoutError' ? `no answer in ${TIMEOUT_MS / 1000} s` : cause.message) : String(cause);

/**
 * Delivers queued webhook messages, retrying failures with a doubling delay (retryMs, 2×, 4×…) up to
 * `maxAttempts`, and writes each outcome to the delivery log. A dead chat server holds up nothing else.
 *
 * Several hub processes on one PostgreSQL each run a worker: a pass first claims its deliveries (a lease,
 * taken with `FOR UPDATE SKIP LOCKED`), so each is sent by one process only. A member's announcements to a
 * webhook are limited to `memberLimit` messages per `memberWindowS`; past that, their shares are held for
 * `batchDelayS` and go out together, in one message (« 12 partages de Camille Martin »).
 */
export class WebhookWorker {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private readonly limits: WebhookLimits;

  constructor(
    private readonly db: Db,
    private readonly log: FastifyBaseLogger,
    private readonly options: { retryMs: number; maxAttempts: number; tickMs?: number } & Partial<WebhookLimits>,
  ) {
    const fromEnv = webhookLimits();
    this.limits = {
      memberLimit: options.memberLimit ?? fromEnv.memberLimit,
      memberWindowS: options.memberWindowS ?? fromEnv.memberWindowS,
      batchDelayS: options.batchDelayS ?? fromEnv.batchDelayS,
    };
  }

  start(): void {
    this.timer = setInterval(() => void this.tick(), this.options.tickMs ?? 500);
    this.timer.unref();
  }

  /** One pass over the due deliveries; concurrent calls share the pass in progress. */
  tick(): Promise<void> {
    // A pass that fails (the database restarting) is tried again at the next tick, and never ends the process.
    this.running ??= this.pass()
      .catch((error: unknown) => this.log.warn({ err: error }, 'webhook pass failed: tried again shortly'))
      .finally(() => (this.running = undefined));
    return this.running;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async pass(): Promise<void> {
    await this.passShares();
    await this.passFiches();
  }

  /**
   * Fiches' new versions: one message each, no batching (editors save a few a week), retried like the
   * shares' announcements, claimed the same way so that one process sends each.
   */
  private async passFiches(): Promise<void> {
    const claimed = await this.db.query<{ id: number; webhook_id: string; fiche_id: string; version: number; attempts: number }>(
      `UPDATE fiche_deliveries SET lease_until = now() + interval '${LEASE_S} seconds'
       WHERE id IN (SELECT id FROM fiche_deliveries WHERE status = 'pending' AND next_at <= now() AND (lease_until IS NULL OR lease_until < now())
                    ORDER BY id LIMIT ${CLAIM} FOR UPDATE SKIP LOCKED)
       RETURNING id, webhook_id, fiche_id, version, attempts`,
    );
    if (!claimed.length) return;
    const webhooks = new Map((await listWebhooks(this.db)).map((webhook) => [webhook.id, webhook]));
    for (const row of claimed) {
      const webhook = webhooks.get(row.webhook_id);
      const change = await ficheChange(this.db, row.fiche_id, row.version);
      if (!webhook || !change) {
        await this.db.query("UPDATE fiche_deliveries SET status = 'failed', attempts = attempts + 1, last_error = $2, lease_until = NULL WHERE id = $1", [row.id, 'webhook or fiche no longer exists']);
        continue;
      }
      let status: number | null = null;
      let error: string | null = null;
      try {
        status = await send(webhook, `f${row.id}`, webhook.kind === 'slack' ? slackFicheMessage(change) : matrixFicheMessage(change));
        if (status < 200 || status >= 300) error = `HTTP ${status}`;
      } catch (cause) {
        error = failure(cause);
      }
      const [outcome] = await this.db.query<{ attempts: number; status: string }>(
        error
          ? `UPDATE fiche_deliveries SET attempts = attempts + 1, last_status = $2, last_error = $3, lease_until = NULL,
               status = CASE WHEN attempts + 1 >= $4 THEN 'failed' ELSE 'pending' END,
               next_at = now() + ($5::double precision * power(2, attempts)) * interval '1 millisecond'
             WHERE id = $1 RETURNING attempts, status`
          : "UPDATE fiche_deliveries SET status = 'delivered', attempts = attempts + 1, last_status = $2, last_error = NULL, delivered = now(), lease_until = NULL WHERE id = $1 RETURNING attempts, status",
        error ? [row.id, status, error, this.options.maxAttempts, this.options.retryMs] : [row.id, status],
      );
      const context = { webhook: webhook.id, fiche: row.fiche_id, version: row.version, attempts: outcome?.attempts };
      if (error) this.log.warn({ ...context, error, final: outcome?.status === 'failed' }, 'webhook not delivered');
      else this.log.info(context, 'webhook delivered');
    }
  }

  private async passShares(): Promise<void> {
    const claimed = await this.db.query<Claimed>(
      `UPDATE deliveries SET lease_until = now() + interval '${LEASE_S} seconds'
       WHERE id IN (SELECT id FROM deliveries WHERE status = 'pending' AND next_at <= now() AND (lease_until IS NULL OR lease_until < now())
                    ORDER BY id LIMIT ${CLAIM} FOR UPDATE SKIP LOCKED)
       RETURNING ${CLAIMED_COLUMNS}`,
    );
    if (!claimed.length) return;
    const webhooks = new Map((await listWebhooks(this.db)).map((webhook) => [webhook.id, webhook]));
    // Deliveries that can no longer go out end here, before they take one of their member's places.
    const visible = new Set((await this.db.query<{ id: string }>('SELECT id FROM shares WHERE id = ANY($1::text[]) AND NOT hidden', [claimed.map((row) => row.share_id)])).map((row) => row.id));
    const sendable: Claimed[] = [];
    for (const row of claimed) {
      if (webhooks.has(row.webhook_id) && visible.has(row.share_id)) sendable.push(row);
      else await this.fail(row, webhooks.has(row.webhook_id) ? await this.whyNot(row.share_id) : 'webhook or share no longer exists');
    }
    const groups = new Map<string, Claimed[]>();
    for (const row of sendable.sort(byId)) {
      const key = JSON.stringify([row.webhook_id, row.member_id]);
      groups.set(key, [...(groups.get(key) ?? []), row]);
    }
    for (const rows of groups.values()) {
      const webhook = webhooks.get(rows[0]!.webhook_id);
      const messages = await this.db.transaction((tx) => this.plan(tx, rows));
      for (const message of messages) await this.deliver(webhook, message);
    }
  }

  /**
   * Decides, for one member's claimed deliveries to one webhook, which go out now and how: alone while the
   * member has made fewer than `memberLimit` announcements in the window, held for a batch past that, and
   * held ones together once their batch is due. Those held go back to the queue, unclaimed.
   */
  private async plan(tx: Queryable, rows: Claimed[]): Promise<Message[]> {
    const { webhook_id: webhookId, member_id: memberId } = rows[0]!;
    await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [GROUP_LOCK, `${webhookId}\n${memberId}`]);
    const group = 'webhook_id = $1 AND member_id IS NOT DISTINCT FROM $2';
    const [counted] = await tx.query<{ sent: number }>(
      `SELECT count(DISTINCT message_id)::int AS sent FROM deliveries WHERE ${group} AND sent_at > now() - ($3 || ' seconds')::interval`,
      [webhookId, memberId, String(this.limits.memberWindowS)],
    );
    const retries = rows.filter((row) => !row.batched && row.message_id !== null);
    const held = rows.filter((row) => row.batched);
    const fresh = rows.filter((row) => !row.batched && row.message_id === null);
    const slots = held.length ? 0 : Math.max(0, this.limits.memberLimit - (counted?.sent ?? 0));
    const alone = fresh.slice(0, slots);
    const over = fresh.slice(slots);
    const messages: Message[] = retries.map((row) => ({ rows: [row], messageId: Number(row.message_id), batch: false }));
    const newMessage = async (members: Claimed[], batch: boolean): Promise<Message> => {
      const reuse = members[0]!.message_id;
      // A batch sent again as it was keeps its id (a Matrix room takes it once); a new one is a new message.
      if (reuse !== null && members.every((row) => row.message_id === reuse)) return { rows: members, messageId: Number(reuse), batch };
      const [next] = await tx.query<{ id: number }>("SELECT nextval('webhook_message_seq')::int AS id");
      await tx.query('UPDATE deliveries SET message_id = $2, sent_at = now(), batched = $3 WHERE id = ANY($1::bigint[])', [members.map((row) => row.id), next!.id, batch]);
      return { rows: members, messageId: next!.id, batch };
    };
    for (const row of alone) messages.push(await newMessage([row], false));
    if (held.length) {
      // The batch is due: every held delivery of this member to this webhook goes in it, claimed here.
      const others = await tx.query<Claimed>(
        `UPDATE deliveries SET lease_until = now() + interval '${LEASE_S} seconds'
         WHERE ${group} AND batched AND status = 'pending' AND next_at <= now() AND (lease_until IS NULL OR lease_until < now()) AND NOT (id = ANY($3::bigint[]))
         RETURNING ${CLAIMED_COLUMNS}`,
        [webhookId, memberId, rows.map((row) => row.id)],
      );
      const batch = [...held, ...over, ...others].sort(byId);
      for (let start = 0; start < batch.length; start += BATCH_TITLES) messages.push(await newMessage(batch.slice(start, start + BATCH_TITLES), true));
    } else if (over.length) {
      // Past the limit: held until the member's batch goes out (joining one already waiting).
      const [waiting] = await tx.query<{ at: Date | null }>(`SELECT min(next_at) AS at FROM deliveries WHERE ${group} AND batched AND status = 'pending'`, [webhookId, memberId]);
      await tx.query(
        `UPDATE deliveries SET batched = true, lease_until = NULL, next_at = coalesce($2::timestamptz, now() + ($3 || ' seconds')::interval) WHERE id = ANY($1::bigint[])`,
        [over.map((row) => row.id), waiting?.at ?? null, String(this.limits.batchDelayS)],
      );
      this.log.info({ webhook: webhookId, member: memberId, held: over.length }, 'webhook announcements held for a batch');
    }
    return messages;
  }

  private async whyNot(shareId: string): Promise<string> {
    const [share] = await this.db.query<{ hidden: boolean }>('SELECT hidden FROM shares WHERE id = $1', [shareId]);
    return share ? 'share hidden by an admin' : 'webhook or share no longer exists';
  }

  /** A delivery that cannot go out: failed for good, with the reason in the log. */
  private async fail(row: Claimed, reason: string): Promise<void> {
    await this.db.query("UPDATE deliveries SET status = 'failed', attempts = attempts + 1, last_error = $2, lease_until = NULL WHERE id = $1", [row.id, reason]);
    this.log.warn({ delivery: Number(row.id), webhook: row.webhook_id, error: reason, final: true }, 'webhook not delivered');
  }

  /** Sends one message (a share, or a batch of them) and records the outcome on each of its deliveries. */
  private async deliver(webhook: Webhook | undefined, message: Message): Promise<void> {
    const shares: Share[] = [];
    for (const row of message.rows) {
      const share = await getShare(this.db, row.share_id);
      // An admin hid the share meanwhile: the collective's chat does not get it either.
      const gone = !webhook || !share ? 'webhook or share no longer exists' : share.hidden ? 'share hidden by an admin' : undefined;
      if (gone) await this.fail(row, gone);
      else shares.push(share!);
    }
    if (!webhook || !shares.length) return;
    const sending = message.rows.filter((row) => shares.some((share) => share.id === row.share_id)).map((row) => Number(row.id));
    const body = shares.length === 1
      ? (webhook.kind === 'slack' ? slackMessage(shares[0]!) : matrixMessage(shares[0]!))
      : (webhook.kind === 'slack' ? slackBatchMessage(shares) : matrixBatchMessage(shares));
    let status: number | null = null;
    let error: string | null = null;
    try {
      status = await send(webhook, `m${message.messageId}`, body);
      if (status < 200 || status >= 300) error = `HTTP ${status}`;
    } catch (cause) {
      error = failure(cause);
    }
    const context = { webhook: webhook.id, message: message.messageId, ...(message.batch ? { batch: sending.length } : {}), deliveries: sending.length === 1 ? sending[0] : sending };
    if (!error) {
      const rows = await this.db.query<{ attempts: number }>(
        "UPDATE deliveries SET status = 'delivered', attempts = attempts + 1, last_status = $2, last_error = NULL, delivered = now(), lease_until = NULL WHERE id = ANY($1::bigint[]) RETURNING attempts",
        [sending, status],
      );
      this.log.info({ ...context, attempts: Math.max(...rows.map((row) => row.attempts)) }, 'webhook delivered');
      return;
    }
    const rows = await this.db.query<{ attempts: number; status: string }>(
      `UPDATE deliveries SET attempts = attempts + 1, last_status = $2, last_error = $3, lease_until = NULL,
         status = CASE WHEN attempts + 1 >= $4 THEN 'failed' ELSE 'pending' END,
         next_at = now() + ($5::double precision * power(2, attempts)) * interval '1 millisecond'
       WHERE id = ANY($1::bigint[]) RETURNING attempts, status`,
      [sending, status, error, this.options.maxAttempts, this.options.retryMs],
    );
    this.log.warn({ ...context, attempts: Math.max(...rows.map((row) => row.attempts)), error, final: rows.every((row) => row.status === 'failed') }, 'webhook not delivered');
  }
}
