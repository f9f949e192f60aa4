import * as z from 'zod/mini';
import { ClientIdSchema } from '../../lib/model/share';
import { PRIORITIES, type Priority } from '../../lib/model/vocabulary';
import type { Queryable } from '../db/db';

/** An outgoing webhook: a Mattermost / Slack incoming-webhook URL, or a Matrix homeserver, room and token. */
export const WebhookSchema = z.union([
  z.strictObject({
    kind: z.literal('slack'),
    url: z.string().check(z.regex(/^https?:\/\//, 'an http(s) URL')),
    minPriority: z._default(z.enum(PRIORITIES), 'info'),
    enabled: z._default(z.boolean(), true),
  }),
  z.strictObject({
    kind: z.literal('matrix'),
    /** The homeserver's base URL, e.g. https://matrix.agent.tchap.gouv.fr */
    url: z.string().check(z.regex(/^https?:\/\//, 'an http(s) URL')),
    /** A room id ("!abc:server"). */
    room: z.string().check(z.regex(/^![^:\s]+:\S+$/, 'a Matrix room id such as !abc:example.org')),
    accessToken: z.string().check(z.minLength(8), z.maxLength(1_000)),
    minPriority: z._default(z.enum(PRIORITIES), 'info'),
    enabled: z._default(z.boolean(), true),
  }),
]);
export type WebhookInput = z.infer<typeof WebhookSchema>;
export const WebhookIdSchema = ClientIdSchema;

export interface Webhook {
  id: string;
  kind: 'slack' | 'matrix';
  url: string;
  room?: string;
  accessToken?: string;
  minPriority: Priority;
  enabled: boolean;
}

interface WebhookRow { id: string; kind: 'slack' | 'matrix'; url: string; room: string | null; access_token: string | null; min_priority: Priority; enabled: boolean }

const fromRow = (row: WebhookRow): Webhook => ({
  id: row.id, kind: row.kind, url: row.url, minPriority: row.min_priority, enabled: row.enabled,
  ...(row.room ? { room: row.room } : {}), ...(row.access_token ? { accessToken: row.access_token } : {}),
});

/** What admins see: the Matrix access token is never sent back. */
export const publicWebhook = ({ accessToken, ...webhook }: Webhook) => ({ ...webhook, ...(accessToken ? { accessToken: '[set]' } : {}) });

export async function putWebhook(db: Queryable, id: string, input: WebhookInput): Promise<Webhook> {
  const [row] = await db.query<WebhookRow>(
    `INSERT INTO webhooks (id, kind, url, room, access_token, min_priority, enabled) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (id) DO UPDATE SET kind = $2, url = $3, room = $4, access_token = $5, min_priority = $6, enabled = $7 RETURNING *`,
    [id, input.kind, input.url, input.kind === 'matrix' ? input.room : null, input.kind === 'matrix' ? input.accessToken : null, input.minPriority, input.enabled],
  );
  return fromRow(row!);
}

export const listWebhooks = async (db: Queryable): Promise<Webhook[]> => (await db.query<WebhookRow>('SELECT * FROM webhooks ORDER BY created')).map(fromRow);

export const deleteWebhook = async (db: Queryable, id: string): Promise<boolean> =>
  (await db.query('DELETE FROM webhooks WHERE id = $1 RETURNING id', [id])).length > 0;

/**
 * Queues one delivery per enabled webhook that wants this priority; a share is announced once per webhook.
 * Each delivery notes the share's author, whose announcements are counted against their hourly limit.
 */
export async function enqueueAlert(db: Queryable, shareId: string, priority: Priority): Promise<number> {
  const wanted = PRIORITIES.slice(0, PRIORITIES.indexOf(priority) + 1);
  const rows = await db.query(
    `INSERT INTO deliveries (webhook_id, share_id, member_id)
     SELECT webhooks.id, $1, (SELECT author_id FROM shares WHERE shares.id = $1) FROM webhooks WHERE enabled AND min_priority = ANY($2::text[])
     ON CONFLICT DO NOTHING RETURNING id`,
    [shareId, wanted],
  );
  return rows.length;
}

/**
 * Queues a fiche's new version for the webhooks that take everything (minimum priority « info »): a fiche
 * changes rarely, and a chat that asked only for critical alerts does not want it.
 */
export async function enqueueFicheChange(db: Queryable, ficheId: string, version: number): Promise<number> {
  const rows = await db.query(
    `INSERT INTO fiche_deliveries (webhook_id, fiche_id, version) SELECT id, $1, $2 FROM webhooks WHERE enabled AND min_priority = 'info'
     ON CONFLICT DO NOTHING RETURNING id`,
    [ficheId, version],
  );
  return rows.length;
}

/**
 * How many announcements a member may make per webhook before the next ones are batched
 * (HUB_WEBHOOK_MEMBER_LIMIT in HUB_WEBHOOK_MEMBER_WINDOW_S seconds), and how long a batch gathers before it
 * goes out (HUB_WEBHOOK_BATCH_DELAY_S). Read from the environment the hub started with (`.env` included).
 */
export interface WebhookLimits {
  memberLimit: number;
  memberWindowS: number;
  batchDelayS: number;
}

const LimitsEnv = z.object({
  HUB_WEBHOOK_MEMBER_LIMIT: z._default(z.coerce.number().check(z.int(), z.gte(1)), 5),
  HUB_WEBHOOK_MEMBER_WINDOW_S: z._default(z.coerce.number().check(z.int(), z.gte(1)), 3_600),
  HUB_WEBHOOK_BATCH_DELAY_S: z._default(z.coerce.number().check(z.gte(0)), 300),
});

export function webhookLimits(env: NodeJS.ProcessEnv = process.env): WebhookLimits {
  const parsed = LimitsEnv.safeParse(Object.fromEntries(Object.entries(env).filter(([key, value]) => key.startsWith('HUB_WEBHOOK_') && value !== '')));
  if (!parsed.success) {
    throw new Error(`Invalid hub configuration: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  }
  return { memberLimit: parsed.data.HUB_WEBHOOK_MEMBER_LIMIT, memberWindowS: parsed.data.HUB_WEBHOOK_MEMBER_WINDOW_S, batchDelayS: parsed.data.HUB_WEBHOOK_BATCH_DELAY_S };
}

export interface Delivery {
  id: number;
  webhookId: string;
  shareId: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  lastStatus?: number;
  lastError?: string;
  /** Announced in a batch message, with the member's other shares past their hourly limit. */
  batched?: true;
  created: string;
  delivered?: string;
}

/** The delivery log, newest first. */
export async function listDeliveries(db: Queryable, limit = 100): Promise<Delivery[]> {
  const rows = await db.query<{ id: number; webhook_id: string; share_id: string; status: Delivery['status']; attempts: number; last_status: number | null; last_error: string | null; batched: boolean; created: Date; delivered: Date | null }>(
    'SELECT * FROM deliveries ORDER BY id DESC LIMIT $1', [limit],
  );
  return rows.map((row) => ({
    id: Number(row.id), webhookId: row.webhook_id, shareId: row.share_id, status: row.status, attempts: row.attempts,
    ...(row.last_status !== null ? { lastStatus: row.last_status } : {}),
    ...(row.last_error !== null ? { lastError: row.last_error } : {}),
    ...(row.batched ? { batched: true as const } : {}),
    created: new Date(row.created).toISOString(),
    ...(row.delivered ? { delivered: new Date(row.delivered).toISOString() } : {}),
  }));
}
