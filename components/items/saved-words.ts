import { t } from '@/lib/i18n/browser';
import type { ItemPatch } from '@/lib/model/item';
import { countText } from '../ui/count';

/**
 * What the list's status line says once a change is stored (RGAA 7.5: a save is heard, not only seen): « Ajouté
 * aux favoris. », « Marqué comme lu. », « Étiquette ajoutée. »; for several items, how many. The note says its
 * own « Note enregistrée. » in the pane, so it is not said twice.
 */
export function savedText(change: ItemPatch, count: number): string | undefined {
  const what =
    change.starred !== undefined
      ? t(change.starred ? 'savedStarred' : 'savedUnstarred')
      : change.read !== undefined
        ? t(change.read ? 'savedRead' : 'savedUnread')
        : change.addTags?.length
          ? t('savedTagAdded')
          : change.removeTags?.length
            ? t('savedTagRemoved')
            : change.impact !== undefined
              ? t('savedImpact')
              : change.triage !== undefined
                ? t('savedTriage')
                : undefined;
  if (!what) return undefined;
  return count > 1 ? `${countText('savedItems', count)} ${what}` : what;
}
