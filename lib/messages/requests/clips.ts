import * as z from 'zod/mini';
import { CapturedPageSchema } from '../../clips/capture';
import { ImpactSchema } from '../../model/item';

/** Clipping the page of a tab: read it for the form, then save it with the member's tags, note and impact. */
export const ClipPreviewSchema = z.object({
  page: CapturedPageSchema,
  /** The item's address and title, as they will be saved. */
  url: z.string(),
  title: z.string(),
  /** The page had no title: its address stands in. */
  titleMissing: z.boolean(),
  /** An item already has this address: saving enriches it. */
  known: z.boolean(),
});

export const CLIP_REQUESTS = {
  previewClip: { params: z.object({ tabId: z.int() }), result: ClipPreviewSchema },
  saveClip: {
    params: z.object({
      page: CapturedPageSchema,
      /** Tag ids or labels, as the member typed them. */
      tags: z.array(z.string().check(z.maxLength(200))).check(z.maxLength(100)),
      note: z.optional(z.string().check(z.maxLength(20_000))),
      impact: z.optional(ImpactSchema),
    }),
    result: z.object({ id: z.string(), title: z.string(), enriched: z.boolean() }),
  },
} as const;
