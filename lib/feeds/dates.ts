/**
 * Feed dates come in RFC 822 (with two-digit years and odd zones), ISO 8601, or localized words that no
 * parser knows. A date that cannot be read, or lands before the Web existed or far in the future, is
 * reported as absent: Vigie never invents a publication date.
 */
const EARLIEST = Date.UTC(1991, 0, 1);
const FUTURE_SLACK_MS = 2 * 24 * 3600 * 1000;

/** US zone abbreviations that V8 and SpiderMonkey do not all accept. */
const ZONES: Record<string, string> = {
  PST: '-0800', PDT: '-0700', MST: '-0700', MDT: '-0600', CST: '-0600', CDT: '-0500', EST: '-0500',
  EDT: '-0400', CET: '+0100', CEST: '+0200', UT: '+0000', Z: '+0000',
};

export function normaliseDate(raw: string | undefined, now = Date.now()): string | undefined {
  const text = raw?.trim();
  if (!text) return undefined;
  const withZone = text.replace(/\b([A-Z]{1,4})$/, (zone) => ZONES[zone] ?? zone);
  // RSS 0.9x feeds write "03 Apr 02 1500 GMT": V8 reads a time without its colon as midnight.
  const withColon = withZone.replace(/^((?:[A-Za-z]{3},? )?\d{1,2} [A-Za-z]{3} \d{2,4}) (\d{2})(\d{2})(?=\s|$)/, '$1 $2:$3');
  const time = Date.parse(withColon);
  if (Number.isNaN(time) || time < EARLIEST || time > now + FUTURE_SLACK_MS) return undefined;
  return new Date(time).toISOString();
}
