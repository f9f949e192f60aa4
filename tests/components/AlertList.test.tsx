// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { alertCountText } from '../../components/alerts/alert-count';
import { AlertList, groupByItem } from '../../components/alerts/AlertList';
import { relativeTime } from '../../lib/i18n/dates';
import type { AlertRow } from '../../lib/messages/protocol';
import { speakFrench } from './french';

/** Alert rows and the line above them, as a member reads them: counted by item, dated by the article. */
speakFrench();
afterEach(cleanup);

const now = Date.now();
const ago = (minutes: number) => new Date(now - minutes * 60_000).toISOString();
const row = (id: string, itemId: string, patch: Partial<AlertRow> = {}, date: string | null = ago(3 * 24 * 60)): AlertRow => ({
  id,
  ruleId: id.split('|')[0]!,
  ruleName: `Règle ${id.split('|')[0]}`,
  priority: 'important',
  created: ago(1),
  read: false,
  item: { id: itemId, title: `Article ${itemId}`, sourceTitle: 'Journal du CM', read: false, starred: false, tags: [], ...(date ? { date } : {}) },
  ...patch,
});
const noop = () => undefined;

describe('the alerts as listed', () => {
  it('one article two rules matched is one row, counted once', () => {
    const alerts = [row('a|i1', 'i1'), row('b|i1', 'i1'), row('a|i2', 'i2', { read: true })];
    render(<AlertList alerts={alerts} onOpen={noop} onRead={noop} hrefOf={() => undefined} newTab={false} />);
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    expect(alertCountText(alerts, 1, 'Aucune alerte non lue')).toBe('1 alerte non lue');
  });

  it('names an item’s rules in one order whatever order the alerts come in: the most urgent first, then alphabetical', () => {
    const alerts = [row('zeta|i1', 'i1', { priority: 'info' }), row('beta|i1', 'i1', { created: ago(5) }), row('alpha|i1', 'i1', { priority: 'critical', created: ago(2) }), row('gamma|i1', 'i1')];
    const orders = [alerts, [...alerts].reverse()].map((given) => groupByItem(given)[0]!);
    for (const group of orders) {
      expect(group.rules).toEqual(['Règle alpha', 'Règle beta', 'Règle gamma', 'Règle zeta']);
      expect(group.first.ruleId).toBe('alpha');
    }
  });

  it('never says « aucune » above rows: all read, it says how many', () => {
    const alerts = [row('a|i1', 'i1', { read: true }), row('a|i2', 'i2', { read: true }), row('b|i2', 'i2', { read: true })];
    expect(alertCountText(alerts, 0, 'Aucune alerte non lue')).toBe('2 alertes, toutes lues');
    expect(alertCountText([], 0, 'Aucune alerte non lue')).toBe('Aucune alerte non lue');
  });

  it('dates a row by its article, the alert’s time on hover; an undated article says « date inconnue »', () => {
    render(<AlertList alerts={[row('a|i1', 'i1'), row('a|i2', 'i2', {}, null)]} onOpen={noop} onRead={noop} hrefOf={() => undefined} newTab={false} />);
    const [dated, undated] = screen.getAllByRole('listitem');
    expect(dated!.querySelector('time')?.textContent).toBe('il y a 3 jours');
    expect(dated!.querySelector('time')?.getAttribute('title')).toMatch(/^Alerte levée le /);
    expect(undated!.textContent).toContain('date inconnue');
    expect(undated!.querySelector('[title^="Alerte levée le "]')).not.toBeNull();
  });

  it('says « à l’instant » under a minute, not « cette minute-ci »', () => {
    expect(relativeTime(new Date(now - 20_000).toISOString(), 'fr', now)).toBe("à l'instant");
    expect(relativeTime(new Date(now - 20_000).toISOString(), 'en', now)).toBe('just now');
    expect(relativeTime(new Date(now - 120_000).toISOString(), 'fr', now)).toBe('il y a 2 minutes');
  });
});
