/** Link handling shared by ingestion, sanitizing and clipping: only http(s) survives, trackers are removed. */

/** Query parameters that only say where a click came from. `xtor` is the tag French media use. */
const TRACKING_PARAMS = /^(utm_.*|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|_hsenc|_hsmi|xtor|at_medium|at_campaign|yclid|mkt_tok)$/i;

function parseHttpUrl(href: string | undefined, base?: string): URL | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The absolute http(s) URL that `href` points to from `base`, or undefined for anything else (javascript:, data:, …). */
export function safeHttpUrl(href: string | undefined, base?: string): string | undefined {
  return parseHttpUrl(href, base)?.href;
}

/** The link without its fragment and tracking parameters: what two copies of one article have in common. */
export function canonicalLink(href: string | undefined, base?: string): string | undefined {
  const url = parseHttpUrl(href, base);
  if (!url) return undefined;
  url.hash = '';
  if (url.search) {
    for (const name of [...url.searchParams.keys()]) {
      if (TRACKING_PARAMS.test(name)) url.searchParams.delete(name);
    }
  }
  return url.href;
}

/** The origin pattern a host permission is asked for, such as "https://example.org/*". */
export function originPattern(href: string): string {
  const url = new URL(href);
  return `${url.protocol}//${url.hostname}/*`;
}
