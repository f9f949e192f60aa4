import * as z from 'zod/mini';
import { ImpactSchema } from './item';
import { IsoDateSchema } from './source';
import { MATCH_MODES, PRIORITIES, RULE_FIELDS, TERM_COMBINATIONS } from './vocabulary';

export { MATCH_MODES, PRIORITIES, RULE_FIELDS, TERM_COMBINATIONS, type MatchMode, type Priority, type RuleField, type TermCombination } from './vocabulary';

export const PrioritySchema = z.enum(PRIORITIES);

/**
 * One test of a rule: in these fields, these terms, read this way, combined so. "Titre ou texte contient
 * l'un de : algorithme, portée organique" is `{ fields: ['title', 'content'], mode: 'phrase', combine: 'any',
 * terms: ['algorithme', 'portée organique'] }`.
 */
export const ConditionSchema = z.object({
  fields: z.array(z.enum(RULE_FIELDS)).check(z.minLength(1)),
  mode: z.enum(MATCH_MODES),
  combine: z.enum(TERM_COMBINATIONS),
  terms: z.array(z.string().check(z.minLength(1), z.maxLength(500))).check(z.minLength(1), z.maxLength(200)),
});
export type Condition = z.infer<typeof ConditionSchema>;

/** What a rule does to an item it matches. */
export const RuleActionsSchema = z.object({
  /** Raise an alert (listed under Alertes, counted on the badge). */
  alert: z.boolean(),
  /** Tag ids added to the item. */
  addTags: z.array(z.string()),
  star: z.boolean(),
  /** Sets the item's impact, unless a member already set one. */
  impact: z.optional(ImpactSchema),
  /** A desktop notification (when notifications are on in Paramètres). */
  notify: z.boolean(),
  /** Propose sharing with the COPIL (once a hub is connected). */
  proposeShare: z.boolean(),
});
export type RuleActions = z.infer<typeof RuleActionsSchema>;

export const RuleSchema = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  enabled: z.boolean(),
  priority: PrioritySchema,
  /** Every condition must hold. */
  conditions: z.array(ConditionSchema).check(z.minLength(1), z.maxLength(20)),
  actions: RuleActionsSchema,
  /** Shipped in the default pack (editable; never re-added once deleted), written by the member, or from the hub. */
  origin: z.enum(['default', 'user', 'hub']),
  updated: IsoDateSchema,
});
export type Rule = z.infer<typeof RuleSchema>;
