import { rexLines } from '../../lib/model/rex-words';
import type { Share } from '../../lib/model/share';
import type { FicheChange } from '../fiches/fiches';

/**
 * The chat messages a shared alert becomes, in French (the collective's language): one format for
 * Mattermost / Slack incoming webhooks, one for Matrix rooms (Tchap).
 *
 * Everything a member wrote (title, note, tags, their name) is shown as plain text: it cannot notify a whole
 * channel, format the message, forge a heading, carry a link or an image, or reorder the text around it.
 * The only link a message carries is the item's own address.
 */
const PRIORITY_WORDS: Record<NonNullable<Share['priority']>, string> = { info: 'Info', important: 'Important', critical: 'Critique' };
const IMPACT_WORDS: Record<NonNullable<Share['impact']>, string> = { low: 'faible', medium: 'moyen', high: 'fort' };
const PRIORITY_ORDER = ['info', 'important', 'critical'] as const;

/** How long each piece of member text may be in a chat message (the hub keeps it whole). */
const MAX = { title: 300, note: 600, name: 80, tag: 60, tags: 12 } as const;

// C0 and C1 controls (tabs and line breaks are turned into spaces first), bidirectional embeddings,
// overrides, isolates and marks, zero-width characters other than the joiner emoji need, BOM, interlinear
// annotations and the object replacement character.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffc]/g;
const BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]+/g;
/** Words that notify a whole room: Mattermost and Slack's @channel, @here, @all, @everyone; Matrix's @room. */
const MASS_MENTION = /@(?=(?:channel|here|all|room|everyone|everybody|group|team)\b)/gi;
/** A scheme's `://` and the dots of anything that looks like a domain: chat clients turn them into links. */
const SCHEME = /\b([a-z][a-z0-9+.-]*):\/\//gi;
const DOMAIN_DOT = /(?<=[\p{L}\p{N}-])\.(?=[\p{L}\p{N}-]*\p{L}[\p{L}\p{N}-]*)/gu;

/**
 * Member text made harmless for any chat: one line, no control or bidirectional character, no mass
 * mention (its @ becomes a full-width ＠), no address a client would make a link of (`https∶//exemple․fr`,
 * with a ratio sign and a one-dot leader that read as `:` and `.`), at most `max` characters.
 */
export function plainText(text: string, max: number): string {
  let plain = text.normalize('NFC').replace(BREAKS, ' ').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
  plain = plain
    .replace(MASS_MENTION, '＠')
    // Slack's own announcement markup, should it reach a client unescaped: <!channel>, <!here>, <!subteam^…>.
    .replace(/<!/g, '<¡')
    .replace(SCHEME, '$1∶//')
    .replace(/\bwww\./gi, 'www․')
    .replace(DOMAIN_DOT, '․');
  return [...plain].length > max ? `${[...plain].slice(0, max - 1).join('').trimEnd()}…` : plain;
}

/**
 * For Slack / Mattermost text, after plainText: &, < and > escaped (Slack's rule: no link, mention or
 * `<!channel>` can be written), then the characters mrkdwn and Markdown read as formatting replaced by
 * look-alikes: * _ ~ ` (bold, italics, strike, code), [ ] (links and images: `[x](…)`, `![x](…)`),
 * | (a Slack link's label), and a leading # (a Mattermost heading).
 */
function slackText(text: string): string {
  return text
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/\*/g, '∗').replace(/_/g, 'ˍ').replace(/~/g, '∼').replace(/`/g, 'ˋ')
    .replace(/\[/g, '［').replace(/\]/g, '］').replace(/\|/g, '¦')
    .replace(/^#/, '＃');
}

const htmlEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The item's own address, the one link a message may carry: http(s) only, nothing that could end the link. */
function itemUrl(share: Pick<Share, 'url'>): string | undefined {
  if (!share.url || !/^https?:\/\//i.test(share.url)) return undefined;
  // eslint-disable-next-line no-control-regex
  return share.url.replace(/[\u0000-\u0020\u007f-\u009f<>|"\\^`{}]/g, (char) => encodeURIComponent(char));
}

interface Parts {
  /** The heading, given how to write the member's name in it. */
  heading: (escape: (text: string) => string) => string;
  title: string;
  url?: string;
  details: string[];
}

function parts(share: Share): Parts {
  const priority = PRIORITY_WORDS[share.priority ?? 'info'];
  const tags = share.tags.slice(0, MAX.tags).map((tag) => plainText(share.tagLabels?.[tag] ?? tag, MAX.tag)).filter(Boolean);
  const note = share.note ? plainText(share.note, MAX.note) : '';
  const details = [
    // A REX says its context first (what was tried and its outcome are read on the hub).
    share.rex ? plainText(rexLines(share.rex)[0]!, MAX.note) : '',
    note ? `Conseil : ${note}` : '',
    share.impact ? `Impact : ${IMPACT_WORDS[share.impact]}` : '',
    tags.length ? `Tags : ${tags.join(', ')}${share.tags.length > MAX.tags ? '…' : ''}` : '',
  ].filter(Boolean);
  const url = itemUrl(share);
  return {
    heading: (escape) => `[${priority}] ${escape(plainText(share.author.name, MAX.name))} partage une alerte avec le COPIL`,
    title: plainText(share.title, MAX.title) || '(sans titre)',
    ...(url ? { url } : {}),
    details,
  };
}

const slackLink = ({ title, url }: { title: string; url?: string }) => (url ? `<${url}|${slackText(title)}>` : slackText(title));

export function slackMessage(share: Share): { text: string } {
  const message = parts(share);
  return { text: [`*${message.heading(slackText)}*`, slackLink(message), ...message.details.map((line) => `> ${slackText(line)}`)].join('\n') };
}

/**
 * Matrix: `body` is plain text, `formatted_body` escaped HTML; an empty `m.mentions` says the message
 * mentions no one (clients that know intentional mentions then ignore any @room in the text too).
 */
export function matrixMessage(share: Share) {
  const { title, url, details, ...message } = parts(share);
  const heading = message.heading((text) => text);
  const link = url ? `<a href="${htmlEscape(url)}">${htmlEscape(title)}</a>` : htmlEscape(title);
  return {
    msgtype: 'm.text',
    body: [heading, url ? `${title} — ${url}` : title, ...details].join('\n'),
    format: 'org.matrix.custom.html',
    formatted_body: [`<strong>${htmlEscape(heading)}</strong>`, link, ...details.map(htmlEscape)].join('<br>'),
    'm.mentions': {},
  };
}

/** A batch: one member's announcements past their hourly limit, as one message (« 12 partages de Camille Martin »). */
function batchParts(shares: Share[]) {
  const top = shares.reduce((best, share) => Math.max(best, PRIORITY_ORDER.indexOf(share.priority ?? 'info')), 0);
  const name = plainText(shares[0]!.author.name, MAX.name);
  return {
    heading: (escape: (text: string) => string) => `[${PRIORITY_WORDS[PRIORITY_ORDER[top]!]}] ${shares.length} partages de ${escape(name)}`,
    items: shares.map((share) => {
      const url = itemUrl(share);
      return { title: plainText(share.title, MAX.title) || '(sans titre)', ...(url ? { url } : {}) };
    }),
  };
}

export function slackBatchMessage(shares: Share[]): { text: string } {
  const { heading, items } = batchParts(shares);
  return { text: [`*${heading(slackText)}*`, ...items.map((item) => `• ${slackLink(item)}`)].join('\n') };
}

export function matrixBatchMessage(shares: Share[]) {
  const { heading, items } = batchParts(shares);
  return {
    msgtype: 'm.text',
    body: [heading((text) => text), ...items.map(({ title, url }) => `• ${url ? `${title} — ${url}` : title}`)].join('\n'),
    format: 'org.matrix.custom.html',
    formatted_body: `<strong>${heading(htmlEscape)}</strong><ul>${items
      .map(({ title, url }) => `<li>${url ? `<a href="${htmlEscape(url)}">${htmlEscape(title)}</a>` : htmlEscape(title)}</li>`).join('')}</ul>`,
    'm.mentions': {},
  };
}

/** A fiche conseil's new version: who saved it, its title and version, and the editor's summary, as text. */
function ficheParts(change: FicheChange) {
  return {
    heading: (escape: (text: string) => string) => `[Fiche conseil] ${escape(plainText(change.author.name, MAX.name))} a mis à jour une fiche`,
    title: `${plainText(change.title, MAX.title) || '(sans titre)'} — version ${change.version}`,
    details: change.summary ? [`Ce qui change : ${plainText(change.summary, MAX.note)}`] : [],
  };
}

export function slackFicheMessage(change: FicheChange): { text: string } {
  const { heading, title, details } = ficheParts(change);
  return { text: [`*${heading(slackText)}*`, slackText(title), ...details.map((line) => `> ${slackText(line)}`)].join('\n') };
}

export function matrixFicheMessage(change: FicheChange) {
  const { heading, title, details } = ficheParts(change);
  return {
    msgtype: 'm.text',
    body: [heading((text) => text), title, ...details].join('\n'),
    format: 'org.matrix.custom.html',
    formatted_body: [`<strong>${htmlEscape(heading((text) => text))}</strong>`, htmlEscape(title), ...details.map(htmlEscape)].join('<br>'),
    'm.mentions': {},
  };
}
