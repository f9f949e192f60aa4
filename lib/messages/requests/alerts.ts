import * as z from 'zod/mini';
import { RuleSchema } from '../../model/rule';
import { AlertRowSchema, Empty, SummaryItemSchema } from './core';

/** Alerts (list, read) and the rules that raise them (list, save, delete, preview, apply to the store). */
export const ALERT_REQUESTS = {
  /** Unread and most critical first, then the newest read ones. */
  listAlerts: { params: z.object({ limit: z.optional(z.int().check(z.gte(1), z.lte(5000))) }), result: z.array(AlertRowSchema) },
  /** `ids` absent: every unread alert. Reading an alert reads its item too. */
  setAlertsRead: { params: z.object({ ids: z.optional(z.array(z.string())), read: z.boolean() }), result: Empty },
  listRules: { params: Empty, result: z.array(RuleSchema) },
  /** Refused, with each problem in words, when a term is invalid (a broken or dangerous regular expression). */
  saveRule: { params: z.object({ rule: RuleSchema }), result: RuleSchema },
  deleteRule: { params: z.object({ id: z.string() }), result: Empty },
  /** What the rule would catch among the stored items, before it is saved or applied. */
  previewRule: {
    params: z.object({ rule: RuleSchema }),
    result: z.object({ total: z.number(), matched: z.number(), sample: z.array(SummaryItemSchema), matchesEverything: z.boolean() }),
  },
  /** "Appliquer aux éléments existants": the rule's actions on every stored item it matches. */
  applyRule: { params: z.object({ id: z.string() }), result: z.object({ matched: z.number(), alerts: z.number() }) },
} as const;
