import * as z from 'zod/mini';
import { ClipError } from './errors';

/**
 * What Vigie reads from a page when the member clips it, and the function that reads it. The function is
 * injected at the click (`scripting.executeScript` with `activeTab`): no content script runs on every page.
 */

/** The quote is what the member selected: 20,000 characters are plenty, and a 1 MB selection must not reach the store. */
export const QUOTE_LIMIT = 20_000;
/** Titles, site names and descriptions beyond this are page bugs or abuse, not metadata. */
export const TEXT_LIMIT = 2_000;
export const URL_LIMIT = 8_000;

const text = (limit: number) => z.optional(z.string().check(z.maxLength(limit)));

/** Checked in the background: the page decides what these strings say, never their size or shape. */
export const CapturedPageSchema = z.object({
  href: z.string().check(z.minLength(1), z.maxLength(URL_LIMIT)),
  canonical: text(URL_LIMIT),
  title: text(TEXT_LIMIT),
  ogTitle: text(TEXT_LIMIT),
  siteName: text(TEXT_LIMIT),
  description: text(TEXT_LIMIT),
  image: text(URL_LIMIT),
  lang: text(35),
  /** The selected text, cut to QUOTE_LIMIT; `truncated` says it was longer. */
  selection: text(QUOTE_LIMIT),
  truncated: z.optional(z.boolean()),
});
export type CapturedPage = z.infer<typeof CapturedPageSchema>;

/** What the page answered, checked in the background: the page decides the words, never the shape. */
export function checkCapture(answer: unknown): CapturedPage {
  if (answer === undefined || answer === null) throw new ClipError('nothing');
  const checked = CapturedPageSchema.safeParse(answer);
  if (!checked.success) throw new ClipError('unreadable', checked.error.issues[0]?.message);
  return checked.data;
}

/**
 * Runs inside the page (isolated world), serialised by the browser: it must not use imports or anything
 * from outside its own body, which is why the limits come in as arguments. Relative URLs are resolved by
 * the DOM (`link.href`) or later against `href`.
 */
export function capturePage(quoteLimit: number, textLimit: number, urlLimit: number): CapturedPage {
  const clean = (value: string | null | undefined, limit: number) => {
    const cleaned = (value ?? '').replace(/\s+/g, ' ').trim().slice(0, limit);
    return cleaned || undefined;
  };
  const meta = (...names: string[]) => {
    for (const name of names) {
      const content = document.querySelector(`meta[property="${name}"], meta[name="${name}"]`)?.getAttribute('content');
      if (content?.trim()) return content;
    }
    return undefined;
  };
  let selected = window.getSelection()?.toString() ?? '';
  // Text selected inside a form field is not part of the document's selection.
  const field = document.activeElement;
  if (!selected && (field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement)) {
    try {
      selected = field.value.slice(field.selectionStart ?? 0, field.selectionEnd ?? 0);
    } catch {
      // Fields without a selection (checkboxes…) throw: nothing selected.
    }
  }
  selected = selected.trim();
  const canonical = document.querySelector<HTMLLinkElement>('link[rel~="canonical" i][href]');
  return {
    href: location.href.slice(0, urlLimit),
    canonical: clean(canonical?.href, urlLimit),
    title: clean(document.title, textLimit),
    ogTitle: clean(meta('og:title', 'twitter:title'), textLimit),
    siteName: clean(meta('og:site_name', 'application-name'), textLimit),
    description: clean(meta('og:description', 'description', 'twitter:description'), textLimit),
    image: clean(meta('og:image', 'og:image:url', 'twitter:image'), urlLimit),
    lang: clean(document.documentElement.lang, 35),
    selection: selected.slice(0, quoteLimit) || undefined,
    truncated: selected.length > quoteLimit,
  };
}
