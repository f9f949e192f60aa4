import { decodeFeedBytes, charsetOf } from '../feeds/decode';
import { FeedError } from '../model/feed-error';
import { elementsOf, parseHtml } from './dom';
import { extractPage, normaliseText, pageTitle, type ExtractConfig, type ExtractedPage } from './extract';

/**
 * What a page monitor gave, before it becomes a version: text worth comparing, or the reason it is not (a
 * binary file, a login wall). A login page must never become a version: its diff would say that the whole
 * policy was deleted.
 */
export interface FetchedPage {
  bytes: Uint8Array;
  contentType?: string;
  /** Where the page was read from after redirects (fetchFeed's `url`). */
  url: string;
  /** The monitor's own address: a page the user chose to watch is not a redirect to a login page. */
  requestedUrl?: string;
}

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

export function checkPage(page: FetchedPage, config: ExtractConfig): ExtractedPage {
  const mime = page.contentType?.split(';')[0]?.trim().toLowerCase() || undefined;
  if ((mime !== undefined && !HTML_TYPES.has(mime) && mime !== 'text/plain') || looksBinary(page.bytes)) {
    throw new FeedError('binary', page.contentType ?? 'NUL bytes');
  }
  if (redirectedToLogin(page)) throw new FeedError('login', page.url);
  const text = decodeFeedBytes(page.bytes, withHtmlCharset(page.bytes, page.contentType));
  if (mime === 'text/plain') {
    // Selectors mean nothing in plain text: the whole of it is the document.
    const plain = normaliseText(text);
    if (plain === '') throw new FeedError('empty-page');
    return { text: plain, title: '' };
  }
  const document = parseHtml(text);
  if (isLoginPage(document)) throw new FeedError('login', page.url);
  return extractPage(document, config);
}

/**
 * NUL bytes do not occur in HTML or text in any of the encodings pages use, but do in images, PDFs and archives.
 * (UTF-16 has them, but only after a byte-order mark, which decodeFeedBytes reads; no page is served so.)
 */
function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (utf16) return false;
  const pdf = head[0] === 0x25 && head[1] === 0x50 && head[2] === 0x44 && head[3] === 0x46; // "%PDF"
  return pdf || head.includes(0);
}

/**
 * The charset a page declares in its `<meta>` (the server's header wins when it has one): decodeFeedBytes reads
 * the header and XML declarations, and a page's own declaration goes the same way through a content type.
 */
function withHtmlCharset(bytes: Uint8Array, contentType?: string): string | undefined {
  if (charsetOf(contentType)) return contentType;
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 1024));
  const declared = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1];
  return declared ? `${contentType ?? 'text/html'}; charset=${declared}` : contentType;
}

/** Path segments of sign-in pages: Facebook's /login/ and /login.php, /checkpoint/, and their usual kin. */
const LOGIN_SEGMENT = /^(login|log-in|signin|sign-in|sign_in|connexion|checkpoint|auth|sso)(\.php|\.html?)?$/i;

/** A redirect that ended on a sign-in address (not a page the user chose to watch at such an address). */
function redirectedToLogin(page: FetchedPage): boolean {
  if (page.requestedUrl !== undefined && page.requestedUrl === page.url) return false;
  if (page.requestedUrl !== undefined && isLoginAddress(page.requestedUrl)) return false;
  return isLoginAddress(page.url);
}

function isLoginAddress(url: string): boolean {
  try {
    return new URL(url).pathname.split('/').some((segment) => LOGIN_SEGMENT.test(segment));
  } catch {
    return false;
  }
}

/** Titles of sign-in pages: "Log into Facebook", "Facebook – log in or sign up", "Connexion • Instagram". */
const LOGIN_TITLE = /\b(log ?in(to)?|sign ?in|se connecter|connexion|identifiez-vous|checkpoint|security check|contrôle de sécurité)\b/i;

/** Shorter than a short policy: a page of this little text is a form, a wall or an error, not a document. */
const SHORT_PAGE_CHARS = 2000;

/**
 * A page that is a login form rather than the document, kept conservative (a false alarm hides a real version):
 * a password field and a sign-in title together; or either of them on a page with almost no text (the sign-in
 * pages Meta serves to anonymous visitors are built by scripts, so their HTML may have the title and no form).
 * A long policy page with a login box in its header, or a help page titled "How to log in", is not one.
 */
function isLoginPage(document: ReturnType<typeof parseHtml>): boolean {
  const password = [...elementsOf(document)].some((element) => element.name === 'input' && element.attribs.type?.toLowerCase() === 'password');
  const loginTitle = LOGIN_TITLE.test(pageTitle(document));
  if (!password && !loginTitle) return false;
  if (password && loginTitle) return true;
  return wholeText(document).length < SHORT_PAGE_CHARS;
}

function wholeText(document: ReturnType<typeof parseHtml>): string {
  try {
    return extractPage(document, { select: [], remove: [] }).text;
  } catch {
    return '';
  }
}
