import * as z from 'zod/mini';
import { ChangeSchema } from './change';
import { HttpUrlSchema, IsoDateSchema } from './source';
import { IMPACTS, TRIAGE_STATES } from './vocabulary';

export { CLIP_SOURCE_ID, HISTORY_SOURCE_ID, IMPACTS, TRIAGE_STATES, type Impact, type Triage } from './vocabulary';

export const ImpactSchema = z.enum(IMPACTS);
export const TriageSchema = z.enum(TRIAGE_STATES);

/** What a clip adds to an item: when it was clipped and what the page said about itself. */
export const ClipSchema = z.object({
  clippedAt: IsoDateSchema,
  /** The text the member had selected, as a quote. */
  quote: z.optional(z.string().check(z.maxLength(20_000))),
  siteName: z.optional(z.string()),
  description: z.optional(z.string()),
  image: z.optional(HttpUrlSchema),
});
export type Clip = z.infer<typeof ClipSchema>;

export const ItemSchema = z.object({
  /** Stable: derived from the source and the item's dedupe key, so a refetch finds the same item. */
  id: z.string().check(z.minLength(1)),
  sourceId: z.string(),
  /** Absent when the feed gave no safe http(s) link. */
  url: z.optional(HttpUrlSchema),
  title: z.string(),
  author: z.optional(z.string()),
  /** Absent when the feed's date could not be read: never invented. */
  published: z.optional(IsoDateSchema),
  fetched: IsoDateSchema,
  /** Plain text. */
  summary: z.optional(z.string()),
  /** HTML that went through the sanitizer at ingestion. */
  contentHtml: z.optional(z.string()),
  language: z.optional(z.string()),
  categories: z.array(z.string()),
  read: z.boolean(),
  starred: z.boolean(),
  tags: z.array(z.string()),
  note: z.optional(z.string()),
  impact: z.optional(ImpactSchema),
  triage: z.optional(TriageSchema),
  clip: z.optional(ClipSchema),
  /** A change to a watched text (monitored page, Open Terms Archive commit): the readable diff. */
  change: z.optional(ChangeSchema),
});
export type Item = z.infer<typeof ItemSchema>;

/** The feed-side part of an item: what ingestion produces and may refresh; user state is kept apart. */
export type ItemDraft = Omit<Item, 'read' | 'starred' | 'tags' | 'note' | 'impact' | 'triage' | 'clip' | 'fetched' | 'sourceId'>;

/** What a member may change on an item; absent fields stay as they are, `null` clears an optional one. */
export const ItemPatchSchema = z.object({
  read: z.optional(z.boolean()),
  starred: z.optional(z.boolean()),
  tags: z.optional(z.array(z.string())),
  /** For many items at once: tags added to, or removed from, whatever each one already has. */
  addTags: z.optional(z.array(z.string())),
  removeTags: z.optional(z.array(z.string())),
  note: z.optional(z.nullable(z.string().check(z.maxLength(20_000)))),
  impact: z.optional(z.nullable(ImpactSchema)),
  triage: z.optional(z.nullable(TriageSchema)),
});
export type ItemPatch = z.infer<typeof ItemPatchSchema>;

/** Applies a patch: `null` removes the field, absent keeps it. */
export function applyPatch(item: Item, patch: ItemPatch): Item {
  const { addTags, removeTags, ...fields } = patch;
  const next: Item = { ...item };
  for (const [key, value] of Object.entries(fields) as [keyof typeof fields, unknown][]) {
    if (value === undefined) continue;
    if (value === null) delete next[key];
    else (next as Record<string, unknown>)[key] = value;
  }
  if (addTags || removeTags) {
    const removed = new Set(removeTags);
    next.tags = [...new Set([...next.tags, ...(addTags ?? [])])].filter((tag) => !removed.has(tag));
  }
  return next;
}
