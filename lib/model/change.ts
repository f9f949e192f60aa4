import * as z from 'zod/mini';
import { HttpUrlSchema } from './source';

/**
 * What changed in a watched text, carried by the item that announces the change: a monitored page's new
 * version, or an Open Terms Archive commit. Word-level parts, unchanged stretches cut down to their context.
 */
export const DiffPartSchema = z.object({
  op: z.enum(['equal', 'insert', 'delete']),
  text: z.string(),
});
export type DiffPart = z.infer<typeof DiffPartSchema>;

export const ChangedDocumentSchema = z.object({
  /** "Conditions d'utilisation", "Terms of Service", or the page's title. */
  name: z.string(),
  parts: z.array(DiffPartSchema),
  /** Words added and removed in this document. */
  added: z.int().check(z.nonnegative()),
  removed: z.int().check(z.nonnegative()),
  /** The full texts before and after (Open Terms Archive keeps them at each commit). */
  beforeUrl: z.optional(HttpUrlSchema),
  afterUrl: z.optional(HttpUrlSchema),
});
export type ChangedDocument = z.infer<typeof ChangedDocumentSchema>;

/**
 * What a change is worth to a reader. `links-only`: the text reads the same once Markdown is read as text and
 * link targets are set aside (Meta rotating video links); `technical`: the archive's own work (Open Terms
 * Archive re-extracting with a new declaration, refiltering, starting to track a document), not a change by
 * Meta. Both are kept in the history and raise no alert. Absent on changes recorded before this was told:
 * they read as substantive.
 */
export const SIGNIFICANCES = ['substantive', 'links-only', 'technical'] as const;
export const SignificanceSchema = z.enum(SIGNIFICANCES);
export type Significance = z.infer<typeof SignificanceSchema>;

export const ChangeSchema = z.object({
  kind: z.enum(['page', 'terms']),
  significance: z.optional(SignificanceSchema),
  documents: z.array(ChangedDocumentSchema),
  /** Set when the diff was too long to keep whole: the parts stop there, the links give the rest. */
  truncated: z.optional(z.boolean()),
});
export type Change = z.infer<typeof ChangeSchema>;

/** Whether a change is one that alerts (see SignificanceSchema): substantive, or recorded before this was told. */
export function isSubstantive(change: Pick<Change, 'significance'> | undefined): boolean {
  return change?.significance === undefined || change.significance === 'substantive';
}
