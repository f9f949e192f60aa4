import * as z from 'zod/mini';
import { HubProblemSchema } from '../../model/hub-connection';
import { RexDraftSchema } from '../../model/rex';
import { MemberEntrySchema, MemberSchema, REACTIONS, ROLES, SharedRowSchema } from '../../model/share';
import { PRIORITIES } from '../../model/vocabulary';
import { Empty } from './core';


export const OutboxRowSchema = z.object({
  seq: z.number(),
  kind: z.enum(['share', 'comment', 'reaction', 'tags', 'edit']),
  label: z.string(),
  created: z.string(),
  attempts: z.number(),
  lastError: z.optional(z.string()),
  refused: z.optional(z.boolean()),
  refusal: z.optional(z.string()),
});

export const HubStatusSchema = z.object({
  connected: z.boolean(),
  url: z.optional(z.string()),
  hubName: z.optional(z.string()),
  member: z.optional(MemberSchema),
  /** The member's Atom feed of the shared list, for any feed reader. */
  feedUrl: z.optional(z.string()),
  lastPull: z.optional(z.string()),
  problem: z.optional(HubProblemSchema),
  /** The hub's version as it said it last, and where it stands against the one this Vigie expects (lib/hub/version.ts). */
  hubVersion: z.optional(z.string()),
  versionGap: z.optional(z.enum(['older', 'newer'])),
  /** Writes waiting for the hub, oldest first. */
  pending: z.array(OutboxRowSchema),
});
export type HubStatus = z.infer<typeof HubStatusSchema>;

/** The COPIL hub: connecting, sharing, the shared list, comments and reactions, and what waits to be sent. */
export const HUB_REQUESTS = {
  hubStatus: { params: Empty, result: HubStatusSchema },
  /** The page asked for the hub's origin permission first, at the member's click. */
  hubConnect: { params: z.object({ url: z.string().check(z.maxLength(2_000)), code: z.string().check(z.maxLength(200)) }), result: HubStatusSchema },
  /** Forgets the hub here: its shared list, and what was not sent yet (the page said how much first). */
  hubDisconnect: { params: Empty, result: HubStatusSchema },
  /** Sends the outbox and pulls now (also on the feeds' alarm, and when an open dashboard hears of a change). */
  hubSync: { params: Empty, result: HubStatusSchema },
  /** `update`: the article was shared already (by this member or a colleague), and that share was updated. */
  shareItem: { params: z.object({ itemId: z.string(), priority: z.optional(z.enum(PRIORITIES)) }), result: z.object({ id: z.string(), sent: z.boolean(), update: z.boolean() }) },
  /** A « retour d'expérience » for the collective (hubs from 1.4.0), queued like a share. */
  shareRex: { params: RexDraftSchema, result: z.object({ id: z.string(), sent: z.boolean() }) },
  /** The share of an item's article in the collective's list, if any, and who shared it. */
  shareOfItem: { params: z.object({ itemId: z.string() }), result: z.object({ id: z.optional(z.string()), by: z.optional(z.array(z.string())), byMe: z.optional(z.boolean()) }) },
  listShares: { params: z.object({ limit: z.optional(z.int().check(z.gte(1), z.lte(2_000))) }), result: z.array(SharedRowSchema) },
  /** `replyTo`: the comment answered (hubs from 1.2.0). */
  commentShare: { params: z.object({ shareId: z.string(), body: z.string().check(z.minLength(1), z.maxLength(5_000)), replyTo: z.optional(z.string()) }), result: z.object({ sent: z.boolean() }) },
  reactShare: { params: z.object({ shareId: z.string(), kind: z.enum(REACTIONS), on: z.boolean() }), result: z.object({ sent: z.boolean() }) },
  /** Any member adds tags to a share. */
  tagShare: { params: z.object({ shareId: z.string(), tags: z.array(z.string().check(z.minLength(1), z.maxLength(80))).check(z.minLength(1), z.maxLength(30)) }), result: z.object({ sent: z.boolean() }) },
  /** Admins only: hides a share from the collective. */
  hideShare: { params: z.object({ shareId: z.string(), hidden: z.boolean() }), result: z.object({ sent: z.boolean() }) },
  /** `ids` absent: every unread share. */
  setSharesRead: { params: z.object({ ids: z.optional(z.array(z.string())) }), result: Empty },
  /** Admins: the collective's members, an invite code for a new one, a revocation. Online only. */
  hubMembers: {
    params: Empty,
    result: z.array(MemberEntrySchema),
  },
  hubInvite: { params: z.object({ name: z.string().check(z.minLength(1), z.maxLength(200)), role: z.enum(ROLES) }), result: z.object({ code: z.string() }) },
  hubRevoke: { params: z.object({ id: z.string() }), result: Empty },
  /** Admins: this browser's sources (OPML) or rules (a rule pack) become the collective's pack. */
  hubPublishPack: { params: z.object({ name: z.enum(['sources', 'rules']) }), result: z.object({ version: z.number(), count: z.number() }) },
  /** Drops a write the hub refused (its words were shown). */
  discardPending: { params: z.object({ seq: z.number() }), result: HubStatusSchema },
} as const;
