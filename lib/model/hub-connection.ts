import * as z from 'zod/mini';
import { MemberSchema } from './share';

/**
 * This member's link to the COPIL hub, as the store keeps it (in its meta, never in backups: see
 * lib/data/backup.ts). A model, so that the background, the pages' reader and the protocol read it alike.
 */
/** Why the last exchange with the hub failed: unreachable (nothing lost), revoked, or refused in the hub's words. */
/** `refusal`: the hub's code for a refusal, worded by the page (see hubRefusalWords). */
export const HubProblemSchema = z.object({ code: z.enum(['unreachable', 'revoked', 'refused']), detail: z.string(), refusal: z.optional(z.string()), at: z.string() });

export const HubConnectionSchema = z.object({
  url: z.string(),
  token: z.string(),
  feedToken: z.string(),
  member: MemberSchema,
  hubName: z.string(),
  /** The version the hub said last (at joining, then at each pull); absent from hubs before 1.1.0's pulls. */
  hubVersion: z.optional(z.string()),
  /** The last change of the hub's feed this member has. */
  cursor: z.number(),
  packs: z.object({ sources: z.number(), rules: z.number() }),
  lastPull: z.optional(z.string()),
  /** Why the last exchange failed, for Paramètres ("unreachable", "revoked", or the hub's words). */
  problem: z.optional(HubProblemSchema),
});
export type HubConnection = z.infer<typeof HubConnectionSchema>;
