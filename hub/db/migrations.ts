import type { Db } from './db';

/**
 * The hub's schema, as an ordered list of steps. A step is never edited once released: a change is a new
 * step. Each runs in its own transaction and is recorded in `hub_migrations`.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: members, invites, shares with their comments and reactions, the change sequence.
  `
  CREATE SEQUENCE change_seq;
  CREATE TABLE members (
    id text PRIMARY KEY,
    name text NOT NULL,
    role text NOT NULL CHECK (role IN ('member', 'admin')),
    token_hash text UNIQUE,
    feed_token_hash text UNIQUE,
    created timestamptz NOT NULL DEFAULT now(),
    revoked timestamptz
  );
  CREATE TABLE invites (
    code_hash text PRIMARY KEY,
    name text NOT NULL,
    role text NOT NULL CHECK (role IN ('member', 'admin')),
    created timestamptz NOT NULL DEFAULT now(),
    used timestamptz,
    member_id text REFERENCES members(id)
  );
  CREATE TABLE shares (
    id text PRIMARY KEY,
    author_id text NOT NULL REFERENCES members(id),
    kind text NOT NULL,
    url text,
    title text NOT NULL,
    summary text,
    source_title text,
    quote text,
    published timestamptz,
    tags jsonb NOT NULL DEFAULT '[]',
    note text,
    impact text,
    triage text,
    priority text,
    hidden boolean NOT NULL DEFAULT false,
    created timestamptz NOT NULL DEFAULT now(),
    updated timestamptz NOT NULL DEFAULT now(),
    seq bigint NOT NULL DEFAULT nextval('change_seq')
  );
  CREATE INDEX shares_seq ON shares (seq);
  CREATE TABLE comments (
    id text PRIMARY KEY,
    share_id text NOT NULL REFERENCES shares(id) ON DELETE CASCADE,
    author_id text NOT NULL REFERENCES members(id),
    body text NOT NULL,
    created timestamptz NOT NULL DEFAULT now()
  );
  CREATE INDEX comments_share ON comments (share_id, created);
  CREATE TABLE reactions (
    share_id text NOT NULL REFERENCES shares(id) ON DELETE CASCADE,
    member_id text NOT NULL REFERENCES members(id),
    kind text NOT NULL CHECK (kind IN ('useful', 'seen')),
    PRIMARY KEY (share_id, member_id, kind)
  );
  `,
  // 2: the collective's packs (sources as OPML, rules as JSON) and outgoing webhooks with their delivery log.
  `
  CREATE TABLE packs (
    name text PRIMARY KEY CHECK (name IN ('sources', 'rules')),
    body text NOT NULL,
    version integer NOT NULL,
    updated timestamptz NOT NULL DEFAULT now(),
    updated_by text REFERENCES members(id)
  );
  CREATE TABLE webhooks (
    id text PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('slack', 'matrix')),
    url text NOT NULL,
    room text,
    access_token text,
    min_priority text NOT NULL DEFAULT 'info',
    enabled boolean NOT NULL DEFAULT true,
    created timestamptz NOT NULL DEFAULT now()
  );
  CREATE TABLE deliveries (
    id bigserial PRIMARY KEY,
    webhook_id text NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
    share_id text NOT NULL REFERENCES shares(id) ON DELETE CASCADE,
    status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts integer NOT NULL DEFAULT 0,
    next_at timestamptz NOT NULL DEFAULT now(),
    last_status integer,
    last_error text,
    created timestamptz NOT NULL DEFAULT now(),
    delivered timestamptz,
    UNIQUE (webhook_id, share_id)
  );
  CREATE INDEX deliveries_due ON deliveries (status, next_at);
  `,
  // 3 (hub 1.2.0): one share per article. Its key (see shareKey) finds it again when another member, or
  // the same one from another device, shares it; co-sharers keep their own note and impact. Tags carry
  // their labels; comments may answer a comment. Older shares get a key from their address as stored.
  `
  ALTER TABLE shares ADD COLUMN url_key text;
  UPDATE shares SET url_key = lower(regexp_replace(regexp_replace(regexp_replace(url, '#.*$', ''), '^https?://(www\\.)?', '', 'i'), '/$', '')) WHERE url IS NOT NULL;
  CREATE INDEX shares_url_key ON shares (url_key);
  ALTER TABLE shares ADD COLUMN tag_labels jsonb NOT NULL DEFAULT '{}'::jsonb;
  CREATE TABLE cosharers (
    share_id text NOT NULL REFERENCES shares(id) ON DELETE CASCADE,
    member_id text NOT NULL REFERENCES members(id),
    note text,
    impact text,
    created timestamptz NOT NULL DEFAULT now(),
    updated timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (share_id, member_id)
  );
  ALTER TABLE comments ADD COLUMN reply_to text;
  `,
  // 4: webhook deliveries claimed by one process at a time (a lease, taken with FOR UPDATE SKIP LOCKED, so
  // that hubs sharing one PostgreSQL announce a share once), and a member's announcements counted per
  // chat message so that, past their hourly limit, they go out batched in one message.
  `
  ALTER TABLE deliveries ADD COLUMN member_id text;
  UPDATE deliveries SET member_id = shares.author_id FROM shares WHERE shares.id = deliveries.share_id;
  ALTER TABLE deliveries ADD COLUMN lease_until timestamptz;
  ALTER TABLE deliveries ADD COLUMN batched boolean NOT NULL DEFAULT false;
  ALTER TABLE deliveries ADD COLUMN message_id bigint;
  ALTER TABLE deliveries ADD COLUMN sent_at timestamptz;
  CREATE SEQUENCE webhook_message_seq;
  CREATE INDEX deliveries_member_sent ON deliveries (webhook_id, member_id, sent_at);
  `,
  // 5 (hub 1.3.0): the language of a share's words, so that members' screens mark it (RGAA 8.7).
  `
  ALTER TABLE shares ADD COLUMN language text;
  `,
  // 6 (hub 1.4.0): « retours d'expérience », shares of kind rex: their context, what was tried, what came of
  // it, when, and what they answer, as one JSON value (read and written whole, checked by RexSchema).
  `
  ALTER TABLE shares ADD COLUMN rex jsonb;
  `,
  // 7 (hub 1.5.0): « fiches conseils », the collective's living advice sheets. Each save is a version kept
  // whole; a fiche cites shares; members suggest references and rewordings; editors (granted by admins) write.
  // Every fiche write takes a number from the change sequence, so the change feed says « fiches moved ».
  // A new version is announced to the chat webhooks that take everything (their own small queue).
  `
  ALTER TABLE members ADD COLUMN editor boolean NOT NULL DEFAULT false;
  CREATE TABLE fiches (
    id text PRIMARY KEY,
    title text NOT NULL,
    tag text,
    body text NOT NULL DEFAULT '',
    version integer NOT NULL DEFAULT 0,
    updated timestamptz NOT NULL DEFAULT now(),
    updated_by text REFERENCES members(id),
    seq bigint NOT NULL DEFAULT nextval('change_seq')
  );
  CREATE TABLE fiche_versions (
    fiche_id text NOT NULL REFERENCES fiches(id) ON DELETE CASCADE,
    version integer NOT NULL,
    title text NOT NULL,
    body text NOT NULL,
    author_id text NOT NULL REFERENCES members(id),
    summary text,
    created timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (fiche_id, version)
  );
  CREATE TABLE fiche_links (
    fiche_id text NOT NULL REFERENCES fiches(id) ON DELETE CASCADE,
    share_id text NOT NULL REFERENCES shares(id) ON DELETE CASCADE,
    added_by text NOT NULL REFERENCES members(id),
    added timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (fiche_id, share_id)
  );
  CREATE TABLE suggestions (
    id text PRIMARY KEY,
    fiche_id text NOT NULL REFERENCES fiches(id) ON DELETE CASCADE,
    kind text NOT NULL CHECK (kind IN ('link', 'text')),
    share_id text REFERENCES shares(id) ON DELETE CASCADE,
    body text,
    base_version integer,
    note text,
    author_id text NOT NULL REFERENCES members(id),
    status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'declined')),
    decided_by text REFERENCES members(id),
    decided timestamptz,
    created timestamptz NOT NULL DEFAULT now(),
    seq bigint NOT NULL DEFAULT nextval('change_seq')
  );
  CREATE TABLE hub_settings (name text PRIMARY KEY, value text NOT NULL);
  CREATE TABLE fiche_deliveries (
    id bigserial PRIMARY KEY,
    webhook_id text NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
    fiche_id text NOT NULL REFERENCES fiches(id) ON DELETE CASCADE,
    version integer NOT NULL,
    status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts integer NOT NULL DEFAULT 0,
    next_at timestamptz NOT NULL DEFAULT now(),
    lease_until timestamptz,
    last_status integer,
    last_error text,
    created timestamptz NOT NULL DEFAULT now(),
    delivered timestamptz,
    UNIQUE (webhook_id, fiche_id, version)
  );
  CREATE INDEX fiche_deliveries_due ON fiche_deliveries (status, next_at);
  `,
];

/**
 * Brings the database to the newest schema (or to step `upTo`, to rebuild an older release's schema in
 * tests: hub 1.1.0 is step 2). Two hubs starting on one server take turns (advisory lock).
 */
export async function migrate(db: Db, options: { upTo?: number } = {}): Promise<number> {
  await db.query('CREATE TABLE IF NOT EXISTS hub_migrations (version integer PRIMARY KEY, applied timestamptz NOT NULL DEFAULT now())');
  let applied = 0;
  for (const [index, sql] of MIGRATIONS.entries()) {
    const version = index + 1;
    if (options.upTo !== undefined && version > options.upTo) break;
    await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(727274)');
      const done = await tx.query('SELECT 1 FROM hub_migrations WHERE version = $1', [version]);
      if (done.length) return;
      for (const statement of sql.split(';').map((s) => s.trim()).filter(Boolean)) await tx.query(statement);
      await tx.query('INSERT INTO hub_migrations (version) VALUES ($1)', [version]);
      applied++;
    });
  }
  return applied;
}

export const SCHEMA_VERSION = MIGRATIONS.length;
