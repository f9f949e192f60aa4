/**
 * sanitize-html asks launder one question: is this link's scheme forbidden? launder brings a whole form-
 * input toolkit (4 kB of the background's budget) for it. Vigie already rewrites every href and src to a
 * checked http(s) URL before sanitize-html looks (lib/feeds/sanitize.ts); this is the second lock, with
 * the same answer: characters browsers ignore and XML comments are dropped, then the scheme must be allowed.
 */
export function naughtyHref(href: unknown, options: { allowedSchemes?: string[]; allowProtocolRelative?: boolean } = {}): boolean {
  if (typeof href !== 'string') return false;
  // eslint-disable-next-line no-control-regex
  const cleaned = href.replace(/[\x00-\x20]+/g, '').replace(/<!--[\s\S]*?(-->|$)/g, '');
  const scheme = /^([a-zA-Z][a-zA-Z0-9.+-]*):/.exec(cleaned)?.[1]?.toLowerCase();
  if (scheme === undefined) return /^[/\\]{2}/.test(cleaned) && options.allowProtocolRelative === false;
  return !(options.allowedSchemes ?? ['http', 'https']).includes(scheme);
}

export default { naughtyHref };
