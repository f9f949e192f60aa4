import { Feed } from 'feed';
import type { Share } from '../../lib/model/share';

/**
 * The shared list as an Atom feed, for members who also follow it in a feed reader. The feed package writes
 * and escapes the XML; the hub only chooses what goes in.
 */
export function atomFeed(options: { hubName: string; selfUrl: string; hubUrl: string; tag?: string; shares: Share[] }): string {
  const updated = options.shares[0] ? new Date(options.shares[0].updated) : new Date(0);
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
    const parts = [share.note ? `Conseil : ${share.note}` : '', share.summary ?? '', share.quote ? `« ${share.quote} »` : ''].filter(Boolean);
    feed.addItem({
      title: share.title,
      id: `urn:vigie:share:${share.id}`,
      link: share.url ?? options.hubUrl,
      description: parts.join('\n\n'),
      author: [{ name: share.author.name }],
      date: new Date(share.updated),
      published: new Date(share.created),
      category: share.tags.map((tag) => ({ name: tag, term: tag })),
    });
  }
  return feed.atom1();
}
