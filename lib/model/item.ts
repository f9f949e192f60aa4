import * as z from 'zod/mini';
import { HttpUrlSchema, IsoDateSchema } from './source';

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
});
export type Item = z.infer<typeof ItemSchema>;

/** The feed-side part of an item: what ingestion produces and may refresh; user state is kept apart. */
export type ItemDraft = Omit<Item, 'read' | 'starred' | 'tags' | 'note' | 'fetched' | 'sourceId'>;
