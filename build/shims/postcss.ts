/**
 * sanitize-html loads postcss to parse style attributes. Vigie drops every style attribute and sets
 * `parseStyleAttributes: false` (the setting sanitize-html advises for browsers), so the extension bundle
 * gets this stand-in instead of 55 kB of CSS parser that would never run.
 */
export function parse(): never {
  throw new Error('style attributes are not parsed in Vigie');
}

export default { parse };
