import * as z from 'zod/mini';
import { HttpUrlSchema } from './source';

/**
 * « Retours d'expérience » (REX): what a member tried, in which context, and what came of it. A REX travels
 * through the COPIL hub as a share of kind `rex` (hubs from 1.4.0), with these fields beside the share's own.
 */

/** The kinds of collectivité a REX comes from (its context), and the platforms it happened on. */
export const COLLECTIVITES = ['commune', 'intercommunalite', 'departement', 'region', 'universite', 'autre'] as const;
export const PLATFORMS = ['facebook', 'instagram', 'threads', 'whatsapp', 'messenger', 'autre'] as const;

/** How many things one REX may answer. */
export const MAX_REX_ANSWERS = 10;

/** What a REX answers (« suite au TTPA, nous avons… »): a share of the hub, or an item or alert of its member's watch, by its link. */
export const RexAnswerSchema = z.strictObject({
  /** The share's id on the hub (its client-made id: letters, digits, - and _). */
  shareId: z.optional(z.string().check(z.minLength(8), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/))),
  url: z.optional(HttpUrlSchema.check(z.maxLength(4_000))),
  title: z.string().check(z.minLength(1), z.maxLength(500)),
});
export type RexAnswer = z.infer<typeof RexAnswerSchema>;

/**
 * A « retour d'expérience »: what a member tried, in which context, what came of it, and when. Its share's
 * title is its headline, its note what others should take from it, its tags the shared taxonomy's.
 */
export const RexSchema = z.strictObject({
  collectivite: z.enum(COLLECTIVITES),
  /** Its size, as its member puts it (« 45 000 habitants », « 30 000 étudiants »). */
  size: z.optional(z.string().check(z.maxLength(120))),
  platform: z.enum(PLATFORMS),
  audience: z.optional(z.string().check(z.maxLength(300))),
  tried: z.string().check(z.minLength(1), z.maxLength(10_000)),
  outcome: z.string().check(z.minLength(1), z.maxLength(10_000)),
  /** When it happened: a month (2026-11) or a day (2026-11-04). */
  when: z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, 'a month (2026-11) or a day (2026-11-04)')),
  answers: z.optional(z.array(RexAnswerSchema).check(z.maxLength(MAX_REX_ANSWERS))),
});
export type Rex = z.infer<typeof RexSchema>;

/** What a member writes to share a REX: its headline, what others should take from it, its tags, its fields. */
export const RexDraftSchema = z.strictObject({
  title: z.string().check(z.minLength(1), z.maxLength(500)),
  note: z.optional(z.string().check(z.maxLength(20_000))),
  tags: z.array(z.string().check(z.minLength(1), z.maxLength(80))).check(z.maxLength(30)),
  rex: RexSchema,
});
export type RexDraft = z.infer<typeof RexDraftSchema>;
