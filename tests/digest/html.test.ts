import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { buildDigest, DIGEST_CSP, digestHtml, escapeHtml } from '../../lib/digest';
import { nodeTranslate } from '../../lib/i18n/node';
import { alert, input, item } from './fixtures';

/** The HTML export: a standalone page where nothing from a feed can run, load or link anywhere but http(s). */
const fr = nodeTranslate('fr');

function parse(html: string): Document {
  const window = new Window();
  window.document.write(html);
  return window.document as unknown as Document;
}

describe('digestHtml', () => {
  it('is a standalone French document with a charset and a policy that lets nothing run or load', () => {
    const html = digestHtml(buildDigest(input([alert('A', 'x', 'critical')], [item('x', { tags: ['ia'] })]), fr), fr);
    expect(html.startsWith('<!doctype html>\n<html lang="fr">')).toBe(true);
    const document = parse(html);
    expect(document.querySelector('meta[charset]')?.getAttribute('charset')).toBe('utf-8');
    const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content');
    expect(csp).toBe(DIGEST_CSP);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("style-src 'unsafe-inline'");
    expect(document.querySelector('h1')?.textContent).toBe('Synthèse de la semaine');
    expect(document.querySelector('h2')?.textContent).toBe('IA (1)');
    expect(document.querySelector('h3 a')?.getAttribute('href')).toBe('https://about.fb.com/news/x/');
    expect(document.querySelector('.priority-critical')?.textContent).toBe('Alerte critique (A)');
    expect(html).toMatch(/@media \(prefers-color-scheme: dark\)/);
    expect(html).toMatch(/@media print/);
  });

  it('shows a hostile title, note, tag and rule as text, and links only http(s) addresses', () => {
    const hostile = '<script>alert(1)</script><img src=x onerror="alert(2)">';
    const items = [
      item('x', { title: hostile, note: `Attention\n${hostile}`, url: 'javascript:alert(3)' }),
      item('y', { title: 'Données', url: 'data:text/html,<script>alert(4)</script>' }),
      item('z', { title: 'Guillemets', url: 'https://exemple.fr/"onmouseover="alert(5)' }),
    ];
    const alerts = [alert(`Règle ${hostile}`, 'x', 'critical'), alert('A', 'y', 'info'), alert('A', 'z', 'info')];
    const html = digestHtml(buildDigest(input(alerts, items, { tags: [{ id: 'piege', label: { fr: hostile, en: hostile }, scope: 'personal', color: '#000000' }] }), fr), fr);
    expect(html).not.toMatch(/<script|<img|javascript:|data:text/i);
    const document = parse(html);
    expect(document.querySelectorAll('script, img, iframe, object, embed, form, base, link').length).toBe(0);
    expect([...document.querySelectorAll('[onerror], [onmouseover]')]).toEqual([]);
    expect(document.querySelector('h3')?.textContent).toBe(hostile);
    expect(document.querySelector('.advice')?.textContent).toBe(`Conseil : Attention${hostile}`);
    expect(document.querySelector('.advice br')).not.toBeNull();
    expect(document.querySelector('.priority-critical')?.textContent).toBe(`Alerte critique (Règle ${hostile})`);
    const hrefs = [...document.querySelectorAll('a')].map((link) => link.getAttribute('href'));
    expect(hrefs).toEqual(['https://exemple.fr/%22onmouseover=%22alert(5)']);
  });

  it('escapes the five characters that matter in HTML text and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;&#60;/a&#62;');
  });

  it('speaks English when asked and says so when the period is empty', () => {
    const en = nodeTranslate('en');
    const html = digestHtml(buildDigest(input([], [], { language: 'en' }), en), en);
    const document = parse(html);
    expect(document.documentElement.getAttribute('lang')).toBe('en');
    expect(document.querySelector('h1')?.textContent).toBe('Weekly digest');
    expect(document.querySelector('.empty')?.textContent).toBe('Nothing in this period: no alert, no starred item, clip, advice or impact.');
    expect(document.querySelector('.summary')?.textContent).toBe('Items: 0Critical alerts: 0Important alerts: 0Info alerts: 0Starred: 0');
  });
});
