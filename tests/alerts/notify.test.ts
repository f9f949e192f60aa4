import { describe, expect, it } from 'vitest';
import { alertNotification, inQuietHours } from '../../lib/alerts/notify';
import { nodeTranslate } from '../../lib/i18n/node';
import type { Alert } from '../../lib/model/alert';
import { DEFAULT_SETTINGS } from '../../lib/model/settings';

const t = nodeTranslate('fr');
const alert = (id: string, priority: Alert['priority'], created = '2026-11-02T10:00:00.000Z'): Alert => ({ id: `r|${id}`, ruleId: 'r', ruleName: 'Algorithme', itemId: id, priority, created, read: false });
const titles = (id: string) => ({ a: 'Le fil d’actualité change', b: 'Nouvelles règles pour les Pages' })[id] ?? '';
const at = (clock: string) => new Date(`2026-11-02T${clock}:00`);

describe('desktop notifications', () => {
  it('names the one alert, and opens its item', () => {
    expect(alertNotification([alert('a', 'important')], titles, DEFAULT_SETTINGS, at('10:00'), t)).toEqual({
      title: 'Vigie — alerte : Algorithme',
      message: 'Important · Le fil d’actualité change',
      route: '#/alerts?item=a',
    });
  });

  it('groups many alerts in one notification, naming the most critical, and opens the Alertes view', () => {
    const notice = alertNotification([alert('a', 'info'), alert('b', 'critical'), alert('c', 'important'), alert('d', 'info'), alert('e', 'info')], titles, DEFAULT_SETTINGS, at('10:00'), t);
    expect(notice).toEqual({ title: 'Vigie — 5 nouvelles alertes', message: 'Critique · Nouvelles règles pour les Pages', route: '#/alerts' });
  });

  it('counts items, not matches: one article two rules matched is named, as one alert', () => {
    const twoRules = [alert('a', 'important'), { ...alert('a', 'critical'), id: 'r2|a', ruleId: 'r2', ruleName: 'Publicité politique' }];
    expect(alertNotification(twoRules, titles, DEFAULT_SETTINGS, at('10:00'), t)).toEqual({
      title: 'Vigie — alerte : Publicité politique',
      message: 'Critique · Le fil d’actualité change',
      route: '#/alerts?item=a',
    });
    const three = [...twoRules, alert('b', 'info')];
    expect(alertNotification(three, titles, DEFAULT_SETTINGS, at('10:00'), t)?.title).toBe('Vigie — 2 nouvelles alertes');
  });

  it('stays silent when switched off, and during quiet hours (which may span midnight)', () => {
    const one = [alert('a', 'critical')];
    expect(alertNotification(one, titles, { ...DEFAULT_SETTINGS, notifications: false }, at('10:00'), t)).toBeUndefined();
    const night = { ...DEFAULT_SETTINGS, quietHours: { enabled: true, start: '20:00', end: '08:00' } };
    expect(alertNotification(one, titles, night, at('23:30'), t)).toBeUndefined();
    expect(alertNotification(one, titles, night, at('07:59'), t)).toBeUndefined();
    expect(alertNotification(one, titles, night, at('08:00'), t)).toBeDefined();
    expect(inQuietHours({ enabled: true, start: '12:00', end: '14:00' }, at('13:00'))).toBe(true);
    expect(inQuietHours({ enabled: true, start: '12:00', end: '14:00' }, at('14:00'))).toBe(false);
    expect(inQuietHours({ enabled: false, start: '00:00', end: '23:59' }, at('13:00'))).toBe(false);
  });
});
