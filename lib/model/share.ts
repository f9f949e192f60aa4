import * as z from 'zod/mini';
import { canonicalLink } from '../feeds/links';
import { RexSchema } from './rex';
import { HttpUrlSchema, IsoDateSchema } from './source';
import { IMPACTS, PRIORITIES, TRIAGE_STATES } from './vocabulary';

/**
 * What the collective shares through the COPIL hub. One definition, read by the extension and by the hub:
 * a request the extension builds is checked against the very schema the hub checks it with.
 * Objects are strict: a field the hub does not know is refused, not silently dropped.
 */

/** Client-made ids (so a retried write never duplicates): letters, digits, `-` and `_`. */
export const ClientIdSchema = z.string().check(z.minLength(8), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/, 'ids are letters, digits, - and _'));

/** `rex` (hubs from 1.4.0): a « retour d'expérience », an experience a member tells, not an article. */
export const SHARE_KINDS = ['item', 'clip', 'alert', 'rex'] as const;
/** "Utile" and "Vu": the two reactions the collective asked for. */
export const REACTIONS = ['useful', 'seen'] as const;
export const ROLES = ['member', 'admin'] as const;

const TagSchema = z.string().check(z.minLength(1), z.maxLength(80));
const TagsSchema = z.array(TagSchema).check(z.maxLength(30));
const NoteSchema = z.string().check(z.maxLength(20_000));
/** Each tag's label as its member reads it: another member's personal tag shows by its name, not its id. */
const TagLabelsSchema = z.record(TagSchema, z.string().check(z.minLength(1), z.maxLength(120))).check(
  z.refine((labels) => Object.keys(labels).length <= 30, 'at most 30 tag labels'),
);

/**
 * What makes two shares one article: the link without scheme, `www.`, fragment, tracking parameters or
 * final slash. The hub keeps one share per key, so two members sharing one article meet in one entry.
 */
export function shareKey(url: string | undefined): string | undefined {
  const canonical = canonicalLink(url);
  return canonical?.replace(/^https?:\/\/(www\.)?/i, '').replace(/\/$/, '').toLowerCase();
}

const ShareFieldsSchema = z.strictObject({
  kind: z.enum(SHARE_KINDS),
  url: z.optional(HttpUrlSchema.check(z.maxLength(4_000))),
  title: z.string().check(z.minLength(1), z.maxLength(500)),
  summary: z.optional(z.string().check(z.maxLength(5_000))),
  /** The feed or site it came from, as its member saw it. */
  sourceTitle: z.optional(z.string().check(z.maxLength(300))),
  /** A clip's selected text. */
  quote: z.optional(z.string().check(z.maxLength(20_000))),
  published: z.optional(IsoDateSchema),
  tags: TagsSchema,
  tagLabels: z.optional(TagLabelsSchema),
  /** The "conseil": what members should do about it. */
  note: z.optional(NoteSchema),
  impact: z.optional(z.enum(IMPACTS)),
  triage: z.optional(z.enum(TRIAGE_STATES)),
  /** Set when the share is an alert for the collective: webhooks announce it. */
  priority: z.optional(z.enum(PRIORITIES)),
  /**
   * Hubs from 1.3.0: the language its words (title, summary, quote) are written in, as a language tag, so
   * members' screens mark them (RGAA 8.7). Not the conseil's: members write in their own.
   */
  language: z.optional(z.string().check(z.regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/), z.maxLength(35))),
  /** Hubs from 1.4.0: a REX's own fields (kind `rex`, and only it). */
  rex: z.optional(RexSchema),
});

export const ShareDraftSchema = ShareFieldsSchema.check(z.refine((draft) => (draft.kind === 'rex') === (draft.rex !== undefined), { message: 'a REX (kind rex), and only a REX, has rex fields', path: ['rex'] }));
export type ShareDraft = z.infer<typeof ShareDraftSchema>;

/** What its author (or an admin) may change; `null` clears. `hidden` is for admins only. */
export const SharePatchSchema = z.strictObject({
  title: z.optional(z.string().check(z.minLength(1), z.maxLength(500))),
  tags: z.optional(TagsSchema),
  note: z.optional(z.nullable(NoteSchema)),
  impact: z.optional(z.nullable(z.enum(IMPACTS))),
  triage: z.optional(z.nullable(z.enum(TRIAGE_STATES))),
  priority: z.optional(z.nullable(z.enum(PRIORITIES))),
  hidden: z.optional(z.boolean()),
  /** A REX's fields, whole (a share of another kind refuses them). */
  rex: z.optional(RexSchema),
});
export type SharePatch = z.infer<typeof SharePatchSchema>;

/** Any member may add tags to anyone's share. */
export const TagAddSchema = z.strictObject({ add: TagsSchema.check(z.minLength(1)) });

/** `replyTo`: the comment answered (one level: an answer to an answer joins the first one's thread). */
export const CommentDraftSchema = z.strictObject({ body: z.string().check(z.minLength(1), z.maxLength(5_000)), replyTo: z.optional(ClientIdSchema) });

/** `editor` (hubs from 1.5.0): may write the collective's fiches conseils, as admins may. */
export const MemberSchema = z.object({ id: z.string(), name: z.string(), role: z.enum(ROLES), editor: z.optional(z.boolean()) });
export type Member = z.infer<typeof MemberSchema>;
/** A member as the hub's admins list them: when invited, and when revoked if they were. */
export const MemberEntrySchema = z.object({ ...MemberSchema.shape, created: z.string(), revoked: z.optional(z.string()) });
export type MemberEntry = z.infer<typeof MemberEntrySchema>;

export const CommentSchema = z.object({
  id: z.string(),
  author: MemberSchema,
  body: z.string(),
  created: IsoDateSchema,
  replyTo: z.optional(z.string()),
});
export type Comment = z.infer<typeof CommentSchema>;

/** Another member who shared the same article: their own « conseil » and impact. */
export const CoSharerSchema = z.object({
  member: MemberSchema,
  note: z.optional(z.string()),
  impact: z.optional(z.enum(IMPACTS)),
  created: IsoDateSchema,
});
export type CoSharer = z.infer<typeof CoSharerSchema>;

export const ShareSchema = z.object({
  ...ShareFieldsSchema.shape,
  /** Hubs from 1.2.0: the members who shared the same article after its author, oldest first. */
  sharers: z.optional(z.array(CoSharerSchema)),
  id: z.string(),
  author: MemberSchema,
  created: IsoDateSchema,
  updated: IsoDateSchema,
  hidden: z.boolean(),
  /** Position in the hub's change feed: bumped by every edit, comment, tag or reaction. */
  seq: z.number(),
  comments: z.array(CommentSchema),
  /** Member ids per reaction. */
  reactions: z.object({ useful: z.array(z.string()), seen: z.array(z.string()) }),
});
export type Share = z.infer<typeof ShareSchema>;

/** A hidden share reaches members as a tombstone, so their copies go away too. */
export const ShareTombstoneSchema = z.object({ id: z.string(), seq: z.number(), hidden: z.literal(true), removed: z.literal(true) });

export const ChangesSchema = z.object({
  cursor: z.number(),
  more: z.boolean(),
  shares: z.array(z.union([ShareSchema, ShareTombstoneSchema])),
  /** Versions of the collective's packs, so members fetch a pack only when it changed. */
  packs: z.object({ sources: z.number(), rules: z.number() }),
  /** The hub's version (hubs from 1.1.0): the extension says when it is older or newer than it expects. */
  hub: z.optional(z.object({ version: z.string() })),
  /** The fiches' place in the change feed (hubs from 1.5.0): the extension reads them again when it moved. */
  fiches: z.optional(z.number()),
});
export type Changes = z.infer<typeof ChangesSchema>;

export const JoinRequestSchema = z.strictObject({ code: z.string().check(z.minLength(8), z.maxLength(200)) });
export const JoinAnswerSchema = z.object({ token: z.string(), feedToken: z.string(), member: MemberSchema, hub: z.object({ name: z.string(), version: z.string() }) });
export type JoinAnswer = z.infer<typeof JoinAnswerSchema>;

export const InviteRequestSchema = z.strictObject({
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  role: z.enum(ROLES),
});

/** A share as this member's store holds it: `unread` (from another member, not yet seen), `pending` (still in this outbox). */
export const SharedRowSchema = z.object({ ...ShareSchema.shape, unread: z.boolean(), pending: z.boolean() });
export type SharedRow = z.infer<typeof SharedRowSchema>;
