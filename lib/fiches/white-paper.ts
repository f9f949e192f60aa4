import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Heading, Root as MdastRoot } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown, gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import { gfm } from 'micromark-extension-gfm';
import { safeHttpUrl } from '../feeds/links';
import type { Fiche, FicheLink } from '../model/fiche';
import type { Member } from '../model/share';
import { ficheHast, shiftHeadings } from './markdown';

/**
 * The collective's white paper (« livre blanc »): the fiches chosen, in the order chosen, each with its
 * references, as one Markdown file and one standalone HTML document to print (table of contents, dates,
 * authors credited, the licence line the COPIL chose). Nothing in a fiche runs or loads anything: its
 * Markdown goes through the same sanitised tree as on screen (ficheHast), and every other word is escaped
 * by the HTML serialiser.
 */
export interface WhitePaperOptions {
  /** The collective's name (the hub's). */
  collective: string;
  licence: string;
  /** When it was made: the cover's date. */
  now: Date;
  /** The words of a share's kind in a reference (« article », « retour d'expérience »). */
  kindWords?: (kind: string) => string;
}

const KIND_WORDS: Record<string, string> = { item: 'article', clip: 'page clipée', alert: 'alerte', rex: 'retour d’expérience' };
const dateWords = (iso: string | Date) => new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' }).format(new Date(iso));
const names = (members: Member[]) => members.map((member) => member.name).join(', ');

/** Everyone who wrote a version of the fiches chosen, once each, in the order they first appear. */
export function contributors(fiches: Fiche[]): Member[] {
  const seen = new Map<string, Member>();
  for (const fiche of fiches) for (const author of fiche.authors) if (!seen.has(author.id)) seen.set(author.id, author);
  return [...seen.values()];
}

/** A fiche's anchor in the document: its id, which is a slug already. */
const anchor = (fiche: Fiche) => `fiche-${fiche.id}`;

function byline(fiche: Fiche): string {
  if (fiche.version === 0) return 'Fiche pas encore rédigée.';
  return `Version ${fiche.version}, mise à jour le ${dateWords(fiche.updated)}${fiche.updatedBy ? ` par ${fiche.updatedBy.name}` : ''}. Rédaction : ${names(fiche.authors)}.`;
}

function referenceWords(link: FicheLink, kindWords: (kind: string) => string): string {
  return [kindWords(link.kind), link.context].filter(Boolean).join(', ');
}

const SAFE_TARGET = /^(https?:|mailto:|#)/i;

/**
 * A fiche's Markdown made ready for the file: its own headings one level below its title (« # Que faire »
 * becomes « ### Que faire »), and, as on screen, nothing that could run where the file is opened: raw HTML
 * is dropped, a link or an image to anything but http(s), mailto or an anchor keeps only its words.
 */
function fileReady(tree: MdastRoot, by: number): MdastRoot {
  type Node = { type: string; url?: string; alt?: string | null; children?: Node[]; depth?: number; value?: string };
  const walk = (node: Node) => {
    if (node.type === 'heading') (node as Heading).depth = Math.min(6, (node.depth ?? 1) + by) as Heading['depth'];
    if (!node.children) return;
    node.children = node.children.flatMap((child): Node[] => {
      if (child.type === 'html') return [];
      if ((child.type === 'link' || child.type === 'image') && !SAFE_TARGET.test(child.url?.trim() ?? '')) {
        return child.type === 'link' ? (child.children ?? []) : child.alt ? [{ type: 'text', value: child.alt }] : [];
      }
      if (child.type === 'definition' && !SAFE_TARGET.test(child.url?.trim() ?? '')) return [];
      return [child];
    });
    for (const child of node.children) walk(child);
  };
  walk(tree as unknown as Node);
  return tree;
}

/** The anchor Markdown readers (GitHub, GitLab, Pandoc's gfm) give a heading: its words in lower case, joined by -. */
const headingSlug = (title: string) => title.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').trim().replace(/\s/g, '-');

export function whitePaperMarkdown(fiches: Fiche[], options: WhitePaperOptions): string {
  const kindWords = options.kindWords ?? ((kind: string) => KIND_WORDS[kind] ?? kind);
  const out: string[] = [`# Livre blanc — ${options.collective}`, '', `Fiches conseils du collectif, état au ${dateWords(options.now)}.`, '', '## Sommaire', ''];
  for (const fiche of fiches) out.push(`- [${escapeInline(fiche.title)}](#${headingSlug(fiche.title)})`);
  for (const fiche of fiches) {
    out.push('', `## ${escapeInline(fiche.title)}`, '', `*${escapeInline(byline(fiche))}*`, '');
    if (fiche.body.trim()) {
      const tree = fileReady(fromMarkdown(fiche.body, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }), 2);
      out.push(toMarkdown(tree, { extensions: [gfmToMarkdown()] }).trim());
    }
    if (fiche.links.length) {
      out.push('', '### Références', '');
      fiche.links.forEach((link, index) => {
        const url = link.url && safeHttpUrl(link.url);
        out.push(`${index + 1}. ${url ? `[${escapeInline(link.title)}](<${url}>)` : escapeInline(link.title)} — ${escapeInline(referenceWords(link, kindWords))}`);
      });
    }
  }
  out.push('', '## Contributeurs', '', escapeInline(names(contributors(fiches))) || 'Aucune fiche rédigée.', '', `Licence : ${escapeInline(options.licence)}`, '');
  return out.join('\n');
}

/**
 * Text put into Markdown as text: what could open emphasis, a link, HTML, code or a table cell is escaped
 * anywhere, and what opens a heading or a list only where it could (at the start).
 */
function escapeInline(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\\`*_[\]<>|~!]/g, '\\$&')
    .replace(/^(#|[+-](?=\s)|\d+(?=[.)]))/, (start) => (/^\d/.test(start) ? `${start}\\` : `\\${start}`));
}

const text = (value: string): ElementContent => ({ type: 'text', value });
function h(tagName: string, properties: Element['properties'], children: (ElementContent | string)[] = []): Element {
  return { type: 'element', tagName, properties, children: children.map((child) => (typeof child === 'string' ? text(child) : child)) };
}

/** The fiche's sanitised tree, its headings below the fiche's title (h2): h1 becomes h3. */
const ficheBody = (fiche: Fiche): ElementContent[] => shiftHeadings(ficheHast(fiche.body), 2).children as ElementContent[];

const PRINT_STYLE = `
body { font: 11pt/1.5 "Marianne", "Segoe UI", system-ui, sans-serif; color: #161616; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.9rem; } h2 { font-size: 1.45rem; border-bottom: 1px solid #929292; padding-bottom: .2rem; }
a { color: #000091; } .byline, .cover-date { color: #3a3a3a; font-style: italic; }
nav ol { padding-left: 1.4rem; } blockquote { border-left: 4px solid #929292; margin-left: 0; padding-left: 1rem; }
table { border-collapse: collapse; } th, td { border: 1px solid #929292; padding: .25rem .5rem; }
footer { margin-top: 3rem; border-top: 1px solid #929292; }
@media print { body { margin: 0; max-width: none; } section.fiche { break-before: page; } a { color: inherit; } a[href^="http"]::after { content: " (" attr(href) ")"; font-size: .85em; } }
`;

export function whitePaperHtml(fiches: Fiche[], options: WhitePaperOptions): string {
  const kindWords = options.kindWords ?? ((kind: string) => KIND_WORDS[kind] ?? kind);
  const title = `Livre blanc — ${options.collective}`;
  const sections = fiches.map((fiche) => {
    const references = fiche.links.length
      ? [h('h3', {}, ['Références']), h('ol', {}, fiche.links.map((link) => {
          const url = link.url && safeHttpUrl(link.url);
          return h('li', {}, [url ? h('a', { href: url }, [link.title]) : link.title, ` — ${referenceWords(link, kindWords)}`]);
        }))]
      : [];
    return h('section', { className: ['fiche'], id: anchor(fiche), ariaLabelledBy: [`${anchor(fiche)}-title`] }, [
      h('h2', { id: `${anchor(fiche)}-title` }, [fiche.title]),
      h('p', { className: ['byline'] }, [byline(fiche)]),
      ...ficheBody(fiche),
      ...references,
    ]);
  });
  const body = h('body', {}, [
    h('header', {}, [h('h1', {}, [title]), h('p', { className: ['cover-date'] }, [`Fiches conseils du collectif, état au ${dateWords(options.now)}.`])]),
    h('nav', { ariaLabelledBy: ['sommaire'] }, [h('h2', { id: 'sommaire' }, ['Sommaire']), h('ol', {}, fiches.map((fiche) => h('li', {}, [h('a', { href: `#${anchor(fiche)}` }, [fiche.title])])))]),
    h('main', {}, sections),
    h('footer', {}, [h('h2', {}, ['Contributeurs']), h('p', {}, [names(contributors(fiches)) || 'Aucune fiche rédigée.']), h('p', {}, [`Licence : ${options.licence}`])]),
  ]);
  const document: HastRoot = {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: 'fr' }, [
        h('head', {}, [
          h('meta', { charSet: 'utf-8' }),
          // Nothing to load, nothing to run: the document stands alone, offline, in any browser.
          h('meta', { httpEquiv: ['Content-Security-Policy'], content: "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:" }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('title', {}, [title]),
          h('style', {}, [PRINT_STYLE]),
        ]),
        body,
      ]),
    ],
  };
  return toHtml(document);
}
