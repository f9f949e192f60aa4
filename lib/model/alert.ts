import * as z from 'zod/mini';
import { PrioritySchema } from './rule';
import { IsoDateSchema } from './source';

/**
 * A rule met an item. One alert per rule and item (`id` is `<ruleId>|<itemId>`), so re-running rules on the
 * store never raises the same alert twice.
 */
export const AlertSchema = z.object({
  id: z.string().check(z.minLength(1)),
  ruleId: z.string(),
  /** The rule's name when it fired, so the alert still reads well if the rule is renamed or deleted. */
  ruleName: z.string(),
  itemId: z.string(),
  priority: PrioritySchema,
  created: IsoDateSchema,
  read: z.boolean(),
});
export type Alert = z.infer<typeof AlertSchema>;

export const alertId = (ruleId: string, itemId: string): string => `${ruleId}|${itemId}`;

/** How many items these alerts are about: the badge, the lists and a notification count articles, not rule matches. */
export const itemsOf = (alerts: readonly Pick<Alert, 'itemId'>[]): number => new Set(alerts.map((alert) => alert.itemId)).size;
