import { describe, expect, it } from 'vitest';
import { MIN_INTERVAL_MINUTES, MonitorConfigSchema, SourceSchema } from '../../lib/model/source';
import { extractText } from '../../lib/monitors/extract';
import { selectorProblem } from '../../lib/monitors/select';
import { DEFAULT_MONITORS } from '../../lib/packs/default-monitors';

describe('DEFAULT_MONITORS', () => {
  it('are the Graph API and Marketing API changelogs and the Community Standards', () => {
    expect(DEFAULT_MONITORS.map((monitor) => monitor.url)).toEqual([
      'https://developers.facebook.com/docs/graph-api/changelog',
      'https://developers.facebook.com/docs/marketing-api/marketing-api-changelog/',
      'https://transparency.meta.com/policies/community-standards/',
    ]);
    expect(new Set(DEFAULT_MONITORS.map((monitor) => monitor.id)).size).toBe(DEFAULT_MONITORS.length);
  });

  it('make valid page sources, checked every 6 hours, 20 versions kept', () => {
    for (const monitor of DEFAULT_MONITORS) {
      const { select, remove, retention, ...rest } = monitor;
      expect(MonitorConfigSchema.parse({ select, remove, retention })).toEqual({ select, remove, retention: 20 });
      const source = { ...rest, kind: 'page', enabled: true, origin: 'curated', monitor: { select, remove, retention }, added: '2026-01-01T00:00:00Z', health: { consecutiveFailures: 0 } };
      expect(SourceSchema.safeParse(source).success).toBe(true);
      expect(monitor.intervalMinutes).toBe(360);
      expect(monitor.intervalMinutes).toBeGreaterThanOrEqual(MIN_INTERVAL_MINUTES);
    }
  });

  it('use only selectors the extension can match', () => {
    for (const monitor of DEFAULT_MONITORS) {
      for (const selector of [...monitor.select, ...monitor.remove]) expect(selectorProblem(selector), selector).toBeUndefined();
    }
  });

  it('keep the changelog and drop the page chrome on a page shaped like Meta’s docs', () => {
    const [graph] = DEFAULT_MONITORS;
    const html = `<body><div role="banner">Meta for Developers</div><div id="cookie-banner-x" data-cookiebanner="banner">Cookies <button data-cookiebanner="accept_button">OK</button></div>
      <div id="documentation_body_pagelet"><nav aria-label="On this page">Sur cette page</nav><h1>Changelog</h1><h2>v23.0</h2><p>Released May 29, 2025.</p>
      <div aria-label="Feedback">Was this page helpful? <button>Yes</button></div></div><div role="contentinfo">© Meta</div></body>`;
    expect(extractText(html, graph ?? { select: [], remove: [] })).toBe('Changelog\nv23.0\nReleased May 29, 2025.');
  });
});
