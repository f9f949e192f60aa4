import { t } from '@/lib/i18n/browser';
import type { ItemPatch } from '@/lib/model/item';
import type { Tag } from '@/lib/model/tag';
import { createPersonalTag } from '../tags/create-tag';
import { TagPicker } from '../tags/TagPicker';
import { countText } from '../ui/count';

/**
 * Actions on the checked items at once: read, unread, star, unstar, add a tag. The count is shown here and said
 * by the view's own live region, present before the bar appears (so the first count is heard).
 */
export function BulkBar({ count, tags, onPatch, onAddTag, onClear }: {
  count: number;
  tags: Tag[];
  onPatch: (patch: ItemPatch) => void;
  onAddTag: (tag: string) => void;
  onClear: () => void;
}) {
  return (
    <div class="bulk-bar" role="group" aria-label={t('bulkLabel')}>
      <span>{countText('bulkCount', count)}</span>
      <button type="button" class="button" onClick={() => onPatch({ read: true })}>
        {t('markRead')}
      </button>
      <button type="button" class="button button--quiet" onClick={() => onPatch({ read: false })}>
        {t('markUnread')}
      </button>
      <button type="button" class="button button--quiet" onClick={() => onPatch({ starred: true })}>
        {t('star')}
      </button>
      <TagPicker tags={tags} label={t('bulkAddTag')} onPick={(tag) => onAddTag(tag.id)} onCreate={createPersonalTag} />
      <button type="button" class="button button--quiet" onClick={onClear}>
        {t('clearSelection')}
      </button>
    </div>
  );
}
