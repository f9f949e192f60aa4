import type { Nodes, Parents } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';

/**
 * Open Terms Archive keeps each document as Markdown. Read as text, a version is what a reader sees: a
 * link's words without its target, a heading without its `#` or its `-----` underline, emphasis without its
 * stars, one line per block. Two versions that read the same as text differ only by link targets or
 * formatting: Meta rotating the video links of its Privacy Policy is not a change of its rules.
 *
 * Parsed by micromark (CommonMark with GitHub's tables and strikethrough, as OTA's Markdown is written)
 * rather than by regular expressions, which a link whose text holds brackets, a table's `|---|` row or a
 * reference definition would fool.
 */
const BLOCKS = new Set(['paragraph', 'heading', 'listItem', 'blockquote', 'tableRow', 'code', 'html', 'thematicBreak', 'definition']);

export function markdownAsText(markdown: string): string {
  const out: string[] = [];
  const walk = (node: Nodes) => {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        out.push(node.value);
        return;
      case 'code':
        out.push('\n', node.value, '\n');
        return;
      // Raw HTML left in the Markdown is markup, not words; a reference definition is a link target.
      case 'html':
      case 'definition':
      case 'thematicBreak':
        out.push('\n');
        return;
      case 'image':
      case 'imageReference':
        // An image's words are its alternative text; its address is set aside like a link's.
        if (node.alt) out.push(' ', node.alt, ' ');
        return;
      case 'break':
        out.push('\n');
        return;
      case 'link':
        // A bare address written as a link ("<https://…>", or GitHub's autolinks) is a target, not words.
        if (node.children.length === 1 && node.children[0]?.type === 'text' && sameAddress(node.children[0].value, node.url)) return;
        for (const child of node.children) walk(child);
        return;
      case 'tableCell':
        out.push(' ');
        for (const child of node.children) walk(child);
        out.push(' ');
        return;
      default:
        if (!('children' in node)) return;
        if (BLOCKS.has(node.type)) out.push('\n');
        for (const child of (node as Parents).children) walk(child as Nodes);
        if (BLOCKS.has(node.type)) out.push('\n');
    }
  };
  walk(fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }));
  return out
    .join('')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

function sameAddress(text: string, url: string): boolean {
  const bare = (value: string) => value.trim().replace(/^(https?:\/\/|mailto:)/i, '').replace(/\/$/, '');
  return bare(text) === bare(url);
}
