import type { HubConfig } from './config';
import type { Db } from './db/db';
import type { ChangeEvents } from './events';
import type { MemberCache } from './members/member-cache';
import type { WebhookWorker } from './webhooks/worker';

/** What every route is given: the hub's configuration, its database and the services built once at start. */
export interface HubContext {
  config: HubConfig;
  db: Db;
  members: MemberCache;
  events: ChangeEvents;
  webhooks: WebhookWorker;
}
