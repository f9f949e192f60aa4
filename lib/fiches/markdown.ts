import type { ElementContent, Root as HastRoot } from 'hast';
import { defaultSchema, sanitize } from 'hast-util-sanitize';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toHast } from 'mdast-util-to-hast';
import { gfm } from 'micromark-extension-gfm';
import { markdownAsText } from '../monitors/markdown-text';

/**
 * A fiche's Markdown, read the way every screen and export shows it: parsed by micromark (CommonMark with
 * GitHub's tables, lists and strikethrough), turned into an HTML tree, then sanitised with GitHub's own rules
 * (hast-util-sanitize): raw HTML in the text is dropped, links keep only http(s), mailto and in-page targets,
 * no attribute can carry script. The extension renders this tree as Preact elements, the white paper as HTML:
 * the same inert result in both.
 */
export function ficheHast(markdown: string): HastRoot {
  const mdast = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  // `allowDangerousHtml` stays off: raw HTML nodes are not even carried into the tree.
  const hast = toHast(mdast) as HastRoot;
  return sanitize(hast, { ...defaultSchema, protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'] } }) as HastRoot;
}

/** The fiche's own headings `by` levels down, under the title of the page or document around them (h1 → h3 for 2). */
export function shiftHeadings(tree: HastRoot, by: number): HastRoot {
  const walk = (node: HastRoot | ElementContent) => {
    if (node.type === 'element' && /^h[1-6]$/.test(node.tagName)) node.tagName = `h${Math.min(6, Number(node.tagName[1]) + by)}`;
    if ('children' in node) for (const child of node.children) walk(child as ElementContent);
  };
  walk(tree);
  return tree;
}

/** A fiche's words as plain text, as a reader sees them (the hub's Atom feed): no markup, no link targets. */
export const ficheText = (markdown: string): string => markdownAsText(markdown);
