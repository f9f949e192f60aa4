// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Nav } from '../../components/dashboard/Nav';
import { firstPaint } from '../../components/ui/first-render';
import { formatRoute } from '../../lib/reader/route';
import { makeSource } from '../store/fixtures';
import { speak } from './french';

afterEach(cleanup);

describe('Nav', () => {
  it('builds a folded list of sources once the first frame is painted, an open one at once', async () => {
    await speak('fr');
    const many = Array.from({ length: 12 }, (_, n) => makeSource({ id: `source-${n}`, title: `Source ${String(n).padStart(2, '0')}` }));
    const few = [makeSource({ id: 'alone', title: 'Seule source' })];
    const { unmount } = render(<Nav route={{ section: 'items', view: 'all' }} sources={few} tags={[]} unreadAlerts={0} unreadShares={0} />);
    // Eight sources or fewer: the list is open, its entries in the first frame.
    const alone = screen.getByRole('link', { name: 'Seule source' });
    expect(alone.getAttribute('href')).toBe(formatRoute({ section: 'items', view: 'all', sourceId: 'alone' }));
    expect(alone.closest('details')?.open ?? true).toBe(true);
    unmount();

    await firstPaint;
    render(<Nav route={{ section: 'items', view: 'all' }} sources={many} tags={[]} unreadAlerts={0} unreadShares={0} />);
    // Folded (more than eight): its entries are there for whoever unfolds it, and for find-in-page.
    const links = await screen.findAllByRole('link', { name: /^Source \d\d$/, hidden: true });
    expect(links).toHaveLength(12);
    expect(links[0]!.closest('details')?.open).toBe(false);
  });
});
