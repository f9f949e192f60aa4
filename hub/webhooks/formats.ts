import type { Share } from '../../lib/model/share';

/**
 * The chat messages a shared alert becomes, in French (the collective's language): one format for
 * Mattermost / Slack incoming webhooks, one for Matrix rooms (Tchap).
 */
const PRIORITY_WORDS: Record<NonNullable<Share['priority']>, string> = { info: 'Info', important: 'Important', critical: 'Critique' };
const IMPACT_WORDS: Record<NonNullable<Share['impact']>, string> = { low: 'faible', medium: 'moyen', high: 'fort' };

function lines(share: Share): { heading: string; details: string[] } {
  const priority = PRIORITY_WORDS[share.priority ?? 'info'];
  const details = [
    share.note ? `Conseil : ${share.note}` : '',
    share.impact ? `Impact : ${IMPACT_WORDS[share.impact]}` : '',
    share.tags.length ? `Tags : ${share.tags.join(', ')}` : '',
  ].filter(Boolean);
  return { heading: `[${priority}] ${share.author.name} partage une alerte avec le COPIL`, details };
}

// Slack and Mattermost read <, > and & as markup: escaped, a title cannot forge a link or a mention.
const slackEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function slackMessage(share: Share): { text: string } {
  const { heading, details } = lines(share);
  const title = slackEscape(share.title);
  const link = share.url ? `<${share.url.replace(/[<>|]/g, encodeURIComponent)}|${title.replace(/\|/g, '¦')}>` : title;
  return { text: [`*${slackEscape(heading)}*`, link, ...details.map((line) => `> ${slackEscape(line)}`)].join('\n') };
}

const htmlEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function matrixMessage(share: Share) {
  const { heading, details } = lines(share);
  const title = share.url ? `<a href="${htmlEscape(share.url)}">${htmlEscape(share.title)}</a>` : htmlEscape(share.title);
  return {
    msgtype: 'm.text',
    body: [heading, share.url ? `${share.title} — ${share.url}` : share.title, ...details].join('\n'),
    format: 'org.matrix.custom.html',
    formatted_body: [`<strong>${htmlEscape(heading)}</strong>`, title, ...details.map(htmlEscape)].join('<br>'),
  };
}
