import { describe, expect, it } from 'vitest';
import { updateBadge, type BadgeAction } from '../../lib/background/badge';
import { BADGE_COLORS } from '../../lib/badge/badge';
import type { Priority } from '../../lib/model/vocabulary';

/** A toolbar button that records what it was told. */
function recorder() {
  const said: Record<string, string> = {};
  const action: BadgeAction = {
    setBadgeBackgroundColor: async ({ color }) => void (said.color = color),
    setBadgeTextColor: async ({ color }) => void (said.textColor = color),
    setBadgeText: async ({ text }) => void (said.text = text),
  };
  return { action, said };
}

const unread = (count: number, highest?: Priority) => ({ unread: async () => ({ count, ...(highest ? { highest } : {}) }) });

describe('updateBadge', () => {
  it('counts unread alerts and new shares together, in the colour of the highest priority among them', async () => {
    const { action, said } = recorder();
    expect(await updateBadge({ alerts: unread(3, 'important'), shares: unread(2, 'critical') }, action)).toEqual({ alerts: 3, shares: 2 });
    expect(said).toEqual({ color: BADGE_COLORS.critical, textColor: '#ffffff', text: '5' });
  });

  it('clears the text when nothing is unread, and goes past 99 as 99+', async () => {
    const quiet = recorder();
    await updateBadge({ alerts: unread(0), shares: unread(0) }, quiet.action);
    expect(quiet.said).toMatchObject({ color: BADGE_COLORS.info, text: '' });
    const busy = recorder();
    await updateBadge({ alerts: unread(98, 'info'), shares: unread(5, 'info') }, busy.action);
    expect(busy.said.text).toBe('99+');
  });

  it('works where the browser cannot set the text colour (Chrome before 110)', async () => {
    const { action, said } = recorder();
    delete action.setBadgeTextColor;
    await updateBadge({ alerts: unread(1, 'info'), shares: unread(0) }, action);
    expect(said).toEqual({ color: BADGE_COLORS.info, text: '1' });
  });
});
