import { selectAll as cssSelectAll } from 'css-select';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../lib/monitors/dom';
import { compileSelector, selectAll, selectorProblem, SelectorError } from '../../lib/monitors/select';
import { fixtureText } from './fixtures';

const PAGE = `<html><body>
  <div id="root" class="page  Main" role="main" lang="fr-FR">
    <header><h1>Titre</h1></header>
    <nav role="navigation"><ul><li>A</li><li class="on">B</li><li>C</li><li>D</li></ul></nav>
    <section data-x="alpha beta"><p>Un</p><p class="note">Deux</p><span>trois</span><p>Quatre</p></section>
    <div aria-label="Copy Link"><a href="https://static.xx.fbcdn.net/x.png">img</a><a href="/fr/aide">aide</a></div>
    <div id="Related Articles"><p>Voir aussi</p></div>
    <img style="display:none" src="https://scontent.example/a.jpg"><em></em>
  </div>
</body></html>`;

/** The selectors Open Terms Archive declarations and the default monitors use, and the usual CSS. */
const SELECTORS = [
  'p', '*', '#root', '.page', '.main', 'div.page.Main', '[role=main]', 'div[role="main"]', "[id='Related Articles']", '[class~=note]',
  '[data-x~=beta]', '[href^="https://"]', '[href$=".png"]', "[href*='static.xx.fbcdn.net']", '[lang|=fr]', 'img[style="display:none"]',
  'img[src*="https://scontent"]', '[aria-label="copy link" i]', '[aria-label="copy link"]', 'section > p', 'nav p', 'header + nav', 'h1 ~ *',
  'header ~ div', 'section p + span', 'li:first-child', 'li:last-child', 'li:nth-child(2n)', 'li:nth-child(odd)', 'li:nth-child(-n+2)',
  'li:nth-last-child(1)', 'p:nth-of-type(2)', 'p:first-of-type', 'p:last-of-type', 'span:only-of-type', 'h1:only-child', 'em:empty', 'html:root',
  'p:not(.note)', 'li:not(:first-child):not(.on)', ':is(h1, span)', 'div:has(p)', 'ul, section > span', 'div[aria-label] a:not([href*=fbcdn])',
  '#root > div > p', '[role*=navigation]', '[class=Main]', '[class*=page]', 'div:has(> p)', 'section:has(> span)',
];

describe('selectors (css-select, as the page watch calls it)', () => {
  const document = parseHtml(PAGE);
  for (const selector of SELECTORS) {
    it(selector, () => {
      expect(selectAll(selector, document)).toEqual(cssSelectAll(selector, document));
    });
  }

  it('agree with css-select on every element of a whole policy page', () => {
    const page = parseHtml(fixtureText('policy-v1-markup.html'));
    for (const selector of ['main article', 'article .share', 'section h2 + p', 'li span', '[class~=policy--v2] p', 'body > script']) {
      expect(selectAll(selector, page)).toEqual(cssSelectAll(selector, page));
    }
  });
});

describe('what the matcher refuses rather than misreads', () => {
  it.each([
    ['p::before', 'unsupported'],
    ['a:hover', ':hover'],
    ['a:visited', ':visited'],
    ['li:not(:active)', ':active'],
    ['ul, ', ''],
    ['p[', ''],
    ['', ''],
  ])('%s', (selector) => {
    expect(() => compileSelector(selector)).toThrow(SelectorError);
    expect(selectorProblem(selector)).toBeTruthy();
  });

  it('says nothing about a selector it can use', () => {
    expect(selectorProblem('div[role=main] > p:not(.x)')).toBeUndefined();
  });
});
