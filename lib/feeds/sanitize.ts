import { Parser } from 'htmlparser2';
import sanitizeHtml from 'sanitize-html';
import { safeHttpUrl } from './links';

/**
 * Item HTML is sanitized once at ingestion, in the background, where there is no DOM: hence sanitize-html
 * (htmlparser2, pure JavaScript) rather than DOMPurify. The reader sanitizes again at render.
 * Kept: text formatting, lists, tables, figures, http(s) links and images. Dropped with their content:
 * script, style, iframe, object, embed, form and the like. Every attribute not listed below goes,
 * event handlers (on*) and style included.
 */
const ALLOWED_TAGS = [
  'p', 'br', 'hr', 'div', 'span', 'a', 'b', 'strong', 'i', 'em', 'u', 's', 'small', 'sub', 'sup', 'mark',
  'abbr', 'q', 'cite', 'blockquote', 'code', 'pre', 'kbd', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'img', 'figure', 'figcaption', 'picture',
  'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption',
];

const DROPPED_WITH_CONTENT = [
  'script', 'style', 'iframe', 'object', 'embed', 'form', 'textarea', 'select', 'option', 'button',
  'noscript', 'template', 'svg', 'math', 'frameset', 'frame', 'applet', 'title', 'head',
];

/** Tracking pixels: an image announced as 1×1 (or 0) only tells a third party that the item was read. */
function isTrackingPixel(frame: sanitizeHtml.IFrame): boolean {
  if (frame.tag !== 'img') return false;
  const { width, height } = frame.attribs;
  return (width !== undefined && Number(width) <= 1) || (height !== undefined && Number(height) <= 1);
}

function withSafeUrl(attribute: 'href' | 'src', base?: string): sanitizeHtml.Transformer {
  return (tagName, attribs) => {
    const { [attribute]: raw, ...rest } = attribs;
    const url = safeHttpUrl(raw, base);
    const extra: Record<string, string> = tagName === 'a' ? { rel: 'noopener noreferrer nofollow', target: '_blank' } : {};
    return { tagName, attribs: url ? { ...rest, [attribute]: url, ...extra } : rest };
  };
}

export function sanitizeItemHtml(html: string, base?: string): string {
  // Without <, > or &, the text holds no markup at all and is already safe HTML: most podcast and news
  // descriptions are like this, and the sanitizer's per-call set-up would cost more than the rest of the item.
  if (!/[<>&]/.test(html)) return html.trim();
  return sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
      a: ['href', 'title', 'rel', 'target'],
      img: ['src', 'alt', 'title', 'width', 'height'],
      abbr: ['title'],
      td: ['colspan', 'rowspan'],
      th: ['colspan', 'rowspan', 'scope'],
      '*': ['lang', 'dir'],
    },
    allowedSchemes: ['http', 'https'],
    allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
    allowProtocolRelative: false,
    parseStyleAttributes: false,
    disallowedTagsMode: 'discard',
    nonTextTags: DROPPED_WITH_CONTENT,
    transformTags: { a: withSafeUrl('href', base), img: withSafeUrl('src', base) },
    exclusiveFilter: (frame) => isTrackingPixel(frame) || (frame.tag === 'img' && !frame.attribs.src),
  }).trim();
}

const BLOCKS = new Set(['p', 'br', 'div', 'li', 'tr', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'figcaption']);

/** Plain text of an HTML fragment, whitespace collapsed: for summaries and for the content hash. */
export function htmlToText(html: string): string {
  const parts: string[] = [];
  let skipped = 0;
  const parser = new Parser({
    onopentagname: (name) => {
      if (DROPPED_WITH_CONTENT.includes(name)) skipped++;
    },
    ontext: (text) => {
      if (skipped === 0) parts.push(text);
    },
    onclosetag: (name) => {
      if (DROPPED_WITH_CONTENT.includes(name)) skipped = Math.max(0, skipped - 1);
      // Block ends separate words that the markup alone kept apart.
      if (BLOCKS.has(name)) parts.push(' ');
    },
  }, { decodeEntities: true });
  parser.end(html);
  return parts.join('').replace(/\s+/g, ' ').trim();
}
