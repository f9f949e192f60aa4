import { Feed } from 'feed';
import { ficheText } from '../../lib/fiches/markdown';
import { rexLines } from '../../lib/model/rex-words';
import type { Share } from '../../lib/model/share';
import type { FicheChange } from '../fiches/fiches';

/** Characters XML 1.0 cannot carry at all (a title pasted with a control character would make the whole feed unreadable): dropped. */
// eslint-disable-next-line no-control-regex -- the control characters XML forbids are what this removes
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const xmlText = (text: string) => text.replace(NOT_XML, '');

/**
 * The feed package marks titles and summaries `type="html"`, so readers take them as markup; members write
 * plain text, so it is escaped to read as text ("<script>" shows as "<script>", never runs). Line breaks stay.
 */
const htmlText = (text: string) => xmlText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br>');

/**
 * The feed package writes a category's label and term into attributes escaping `&` and `"` but not `<`,
 * which XML forbids there: a tag such as "<3" would make the whole feed unreadable. Finished here, on the
 * category lines (one element a line; a tag's line breaks are made spaces so that it stays on one).
 */
const tagText = (tag: string) => xmlText(tag).replace(/[\r\n\t]/g, ' ');
const escapeCategoryAttributes = (xml: string) =>
  xml.replace(/^(\s*<category )(.*)(\/>)$/gm, (_line, start: string, attributes: string, end: string) =>
    start + attributes.replace(/</g, '&lt;').replace(/>/g, '&gt;') + end);

/**
 * The shared list as an Atom feed, for members who also follow it in a feed reader. The feed package writes
 * the XML; the hub chooses what goes in and makes sure members' text stays text.
 */
export function atomFeed(options: { hubName: string; selfUrl: string; hubUrl: string; tag?: string; shares: Share[]; fiches?: FicheChange[] }): string {
  const dates = [...options.shares.map((share) => share.updated), ...(options.fiches ?? []).map((change) => change.created)].sort();
  const updated = dates.length ? new Date(dates.at(-1)!) : new Date(0);
  const feed = new Feed({
    title: options.tag ? `${options.hubName} — ${options.tag}` : options.hubName,
    description: 'La veille partagée du COPIL (Vigie)',
    id: options.selfUrl.replace(/\/feed\/[^/]+/, '/feed'),
    link: options.hubUrl,
    language: 'fr',
    updated,
    copyright: '',
    generator: 'Vigie',
    feedLinks: { atom: options.selfUrl },
  });
  for (const share of options.shares) {
    const parts = [...(share.rex ? rexLines(share.rex) : []), share.note ? `Conseil : ${share.note}` : '', share.summary ?? '', share.quote ? `« ${share.quote} »` : ''].filter(Boolean);
    feed.addItem({
      title: htmlText(share.title),
      id: `urn:vigie:share:${share.id}`,
      link: share.url ?? options.hubUrl,
      description: htmlText(parts.join('\n\n')),
      author: [{ name: xmlText(share.author.name) }],
      date: new Date(share.updated),
      published: new Date(share.created),
      category: share.tags.map((tag) => ({ name: tagText(tag), term: tagText(tag) })),
    });
  }
  // A fiche conseil's new version: its Markdown read as text (its summary first), never as markup.
  for (const change of options.fiches ?? []) {
    const text = ficheText(change.body);
    feed.addItem({
      title: htmlText(`Fiche conseil mise à jour : ${change.title} (version ${change.version})`),
      id: `urn:vigie:fiche:${change.ficheId}:${change.version}`,
      link: options.hubUrl,
      description: htmlText([change.summary ? `Ce qui change : ${change.summary}` : '', text.length > 1_000 ? `${text.slice(0, 1_000)}…` : text].filter(Boolean).join('\n\n')),
      author: [{ name: xmlText(change.author.name) }],
      date: new Date(change.created),
      ...(change.tag ? { category: [{ name: tagText(change.tag), term: tagText(change.tag) }] } : {}),
    });
  }
  feed.items.sort((x, y) => y.date.getTime() - x.date.getTime());
  return escapeCategoryAttributes(feed.atom1());
}
