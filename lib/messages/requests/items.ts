import * as z from 'zod/mini';
import { ItemPatchSchema, ItemSchema } from '../../model/item';
import { HttpUrlSchema } from '../../model/source';
import { TagSchema } from '../../model/tag';
import { TAG_COLOURS, type TagColour } from '../../tags/personal-tag';
import { Empty } from './core';

/** What members do to items (read, star, tags, note, impact, triage), one or many at once; the tags. */
export const ITEM_REQUESTS = {
  updateItems: {
    params: z.object({ ids: z.array(z.string()).check(z.minLength(1), z.maxLength(50_000)), patch: ItemPatchSchema }),
    result: z.object({ updated: z.number() }),
  },
  /** Every unread item published (or, undated, first seen) before `before` is marked read: the list's « plus d'un jour ». */
  markReadBefore: { params: z.object({ before: z.iso.datetime() }), result: z.object({ updated: z.number() }) },
  listTags: { params: Empty, result: z.array(TagSchema) },
  /** A past event of Meta's history, added by hand to the timeline: a date, a title, a shared category, a source. */
  addHistoryEvent: {
    params: z.object({
      date: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
      title: z.string().check(z.trim(), z.minLength(1), z.maxLength(300)),
      category: z.string(),
      url: z.optional(HttpUrlSchema),
    }),
    result: ItemSchema,
  },
  /** A personal tag from a label; the existing tag when one already has that name. */
  saveTag: { params: z.object({ label: z.string().check(z.trim(), z.minLength(1), z.maxLength(60)) }), result: TagSchema },
  /** Personal tags only (the shared taxonomy belongs to the collective): the label changes, the id and assignments stay. */
  renameTag: { params: z.object({ id: z.string(), label: z.string().check(z.trim(), z.minLength(1), z.maxLength(60)) }), result: TagSchema },
  /** Personal tags only: one of the named colours. */
  recolorTag: { params: z.object({ id: z.string(), color: z.enum(TAG_COLOURS.map(([colour]) => colour) as [TagColour, ...TagColour[]]) }), result: TagSchema },
  /** A personal tag folded into another tag: its items carry the other one; it is deleted. */
  mergeTags: { params: z.object({ from: z.string(), into: z.string() }), result: z.object({ updated: z.number() }) },
} as const;
