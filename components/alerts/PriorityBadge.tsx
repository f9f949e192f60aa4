import { t } from '@/lib/i18n/browser';
import type { Priority } from '@/lib/model/vocabulary';

/** "Critique", "Important", "Info": in words (never colour alone, RGAA), coloured by level. */
export function PriorityBadge({ priority }: { priority: Priority }) {
  return <span class={`priority priority--${priority}`}>{t(`priority_${priority}`)}</span>;
}
