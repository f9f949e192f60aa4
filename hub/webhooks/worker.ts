import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/db';
import { getShare } from '../shares/shares';
import { matrixMessage, slackMessage } from './formats';
import { listWebhooks, type Webhook } from './webhooks';

const TIMEOUT_MS = 10_000;

/** Sends one message; resolves with the HTTP status, throws on a network failure or a timeout. */
async function send(webhook: Webhook, deliveryId: number, body: unknown): Promise<number> {
  const signal = AbortSignal.timeout(TIMEOUT_MS);
  if (webhook.kind === 'slack') {
    const response = await fetch(webhook.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal });
    return response.status;
  }
  // Matrix client-server API: the transaction id makes a retried send land once in the room.
  const base = webhook.url.replace(/\/$/, '');
  const url = `${base}/_matrix/client/v3/rooms/${encodeURIComponent(webhook.room!)}/send/m.room.message/vigie-${deliveryId}`;
  const response = await fetch(url, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${webhook.accessToken}` },
    body: JSON.stringify(body),
    signal,
  });
  return response.status;
}

/**
 * Delivers queued webhook messages, retrying failures with a doubling delay (retryMs, 2×, 4×…) up to
 * `maxAttempts`, and writes each outcome to the delivery log. A dead chat server holds up nothing else.
 */
export class WebhookWorker {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly db: Db,
    private readonly log: FastifyBaseLogger,
    private readonly options: { retryMs: number; maxAttempts: number; tickMs?: number },
  ) {}

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
    const due = await this.db.query<{ id: number; webhook_id: string; share_id: string; attempts: number }>(
      "SELECT id, webhook_id, share_id, attempts FROM deliveries WHERE status = 'pending' AND next_at <= now() ORDER BY id LIMIT 20",
    );
    if (!due.length) return;
    const webhooks = new Map((await listWebhooks(this.db)).map((webhook) => [webhook.id, webhook]));
    for (const delivery of due) {
      const webhook = webhooks.get(delivery.webhook_id);
      const share = await getShare(this.db, delivery.share_id);
      const attempts = delivery.attempts + 1;
      let status: number | null = null;
      let error: string | null = null;
      if (!webhook || !share) error = 'webhook or share no longer exists';
      // An admin hid the share meanwhile: the collective's chat does not get it either.
      else if (share.hidden) error = 'share hidden by an admin';
      else {
        try {
          status = await send(webhook, Number(delivery.id), webhook.kind === 'slack' ? slackMessage(share) : matrixMessage(share));
          if (status < 200 || status >= 300) error = `HTTP ${status}`;
        } catch (cause) {
          error = cause instanceof Error ? (cause.name === 'TimeoutError' ? `no answer in ${TIMEOUT_MS / 1000} s` : cause.message) : String(cause);
        }
      }
      if (!error) {
        await this.db.query("UPDATE deliveries SET status = 'delivered', attempts = $2, last_status = $3, last_error = NULL, delivered = now() WHERE id = $1", [delivery.id, attempts, status]);
        this.log.info({ delivery: Number(delivery.id), webhook: delivery.webhook_id, attempts }, 'webhook delivered');
        continue;
      }
      const final = attempts >= this.options.maxAttempts || !webhook || !share || share.hidden;
      const delayMs = this.options.retryMs * 2 ** (attempts - 1);
      await this.db.query(
        `UPDATE deliveries SET status = $2, attempts = $3, last_status = $4, last_error = $5, next_at = now() + ($6 || ' milliseconds')::interval WHERE id = $1`,
        [delivery.id, final ? 'failed' : 'pending', attempts, status, error, String(delayMs)],
      );
      this.log.warn({ delivery: Number(delivery.id), webhook: delivery.webhook_id, attempts, error, final }, 'webhook not delivered');
    }
  }
}
