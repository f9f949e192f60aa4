import * as z from 'zod/mini';
import { ShareSchema } from '../../model/share';

/** A share as pages see it: `unread` (from another member, not yet seen), `pending` (still in this outbox). */
export const SharedRowSchema = z.object({ ...ShareSchema.shape, unread: z.boolean(), pending: z.boolean() });
export type SharedRowView = z.infer<typeof SharedRowSchema>;
