import * as z from 'zod/mini';

export const TagSchema = z.object({
  /** A slug, such as "algorithme-portee": what items carry in their `tags`. */
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/)),
  label: z.object({ fr: z.string().check(z.minLength(1)), en: z.string().check(z.minLength(1)) }),
  /** The collective's taxonomy (shared) or a member's own tag (personal). */
  scope: z.enum(['shared', 'personal']),
  /** A narrower tag points to its broader one ("publicité politique" → "publicité"). */
  parent: z.optional(z.string()),
  color: z.string().check(z.regex(/^#[0-9a-f]{6}$/i)),
});
export type Tag = z.infer<typeof TagSchema>;
