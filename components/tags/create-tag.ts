import { request } from '@/lib/messages/client';
import type { Tag } from '@/lib/model/tag';

/** A personal tag from a label the member typed (or the existing tag of that name). */
export async function createPersonalTag(label: string): Promise<Tag | undefined> {
  return request('saveTag', { label });
}
