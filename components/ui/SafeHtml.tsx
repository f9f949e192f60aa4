import DOMPurify from 'dompurify';

/**
 * The only place Vigie puts HTML into a page. Item content was sanitized at ingestion; it is sanitized again
 * here with DOMPurify, so that nothing that has not passed it reaches the DOM: no script, no handler, only
 * http(s) links (opened in a new tab, without referrer) and images that do not send a referrer either.
 */
DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer nofollow');
  }
  if (node.tagName === 'IMG') {
    node.setAttribute('referrerpolicy', 'no-referrer');
    node.setAttribute('loading', 'lazy');
  }
});

const OPTIONS = {
  ALLOWED_URI_REGEXP: /^https?:/i,
  FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed', 'svg', 'math'],
  FORBID_ATTR: ['style', 'class', 'id'],
  ADD_ATTR: ['target'],
};

/** `lang`: the language the HTML is written in (the item's), when known. */
export function SafeHtml({ html, class: className, lang }: { html: string; class?: string; lang?: string }) {
  return <div class={className} lang={lang} dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(html, OPTIONS) }} />;
}
