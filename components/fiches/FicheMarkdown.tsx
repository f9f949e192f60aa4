import type { Element, Root } from 'hast';
import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import { useMemo } from 'preact/hooks';
import { Fragment, jsx, jsxs } from 'preact/jsx-runtime';
import { ficheHast, shiftHeadings } from '@/lib/fiches/markdown';

/** Links leave the dashboard for a new tab, and give the opened page no hold on this one. */
function linksOutward(tree: Root): Root {
  const walk = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'a' && typeof child.properties.href === 'string' && !child.properties.href.startsWith('#')) {
        child.properties = { ...child.properties, target: '_blank', rel: ['noopener', 'noreferrer'] };
      }
      walk(child);
    }
  };
  walk(tree);
  return tree;
}

/**
 * A fiche's Markdown on screen: the sanitised tree of lib/fiches/markdown.ts turned into Preact elements
 * (hast-util-to-jsx-runtime, as react-markdown does). No HTML string is ever parsed: a script or an event
 * attribute in the text was dropped before, and could not run anyway. Its headings go below the fiche's
 * title (`headingsBelow` levels down: a « # » of the text is an h3 under the fiche's h2).
 */
export function FicheMarkdown({ markdown, class: className = 'fiche-text', headingsBelow = 2 }: { markdown: string; class?: string; headingsBelow?: number }) {
  const content = useMemo(
    () => toJsxRuntime(linksOutward(shiftHeadings(ficheHast(markdown), headingsBelow)), { Fragment, jsx, jsxs, elementAttributeNameCase: 'html' }),
    [markdown, headingsBelow],
  );
  return <div class={className}>{content}</div>;
}
