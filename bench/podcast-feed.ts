/**
 * A 730-item podcast feed of about 1.6 MB, the shape of the large iTunes feeds the pipeline must take in
 * stride (enclosures, itunes:* tags, media:content). Generated, so that the benchmark runs without the shared
 * corpus; the real one is used instead when it is present. Like real podcast feeds, descriptions are mostly
 * plain text; `html` makes each one a long HTML fragment instead, to show what sanitizing costs.
 */
export function podcastFeed(items = 730, html = false): string {
  const entries: string[] = [];
  for (let i = 0; i < items; i++) {
    const date = new Date(Date.UTC(2024, 0, 1) - i * 86_400_000).toUTCString().replace('GMT', 'PST');
    entries.push(`<item>
  <title>Épisode ${i} : réglages de la Page, portée organique &amp; questions des auditeurs</title>
  <link>https://podcast.example/episodes/${i}?utm_source=rss&amp;utm_medium=feed</link>
  <guid isPermaLink="false">podcast-episode-${i}</guid>
  <pubDate>${date}</pubDate>
  <itunes:author>L'équipe</itunes:author>
  <itunes:duration>01:${String(i % 60).padStart(2, '0')}:00</itunes:duration>
  <itunes:image href="https://podcast.example/images/${i}.jpg"/>
  <itunes:explicit>no</itunes:explicit>
  <enclosure url="https://podcast.example/audio/${i}.mp3" length="${40_000_000 + i}" type="audio/mpeg"/>
  <media:content url="https://podcast.example/audio/${i}.mp3" type="audio/mpeg" medium="audio"/>
  <description>${html ? htmlDescription(i) : textDescription(i)}</description>
</item>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:media="http://search.yahoo.com/mrss/">
<channel>
<title>Le podcast des CM publics</title>
<link>https://podcast.example/</link>
<language>fr</language>
<itunes:category text="Technology"><itunes:category text="Tech News"/></itunes:category>
${entries.join('\n')}
</channel>
</rss>
`;
}

function textDescription(i: number): string {
  return `Épisode ${i} : l&amp;#039;algorithme du fil d&amp;#039;actualité, les Reels, la modération des commentaires et les questions des auditeurs. ${'La portée organique baisse encore et les collectivités revoient leur calendrier éditorial. '.repeat(12)}`;
}

function htmlDescription(i: number): string {
  return `&lt;p&gt;Dans cet épisode n°${i}, on parle de l&amp;#039;algorithme du fil d&amp;#039;actualité.&lt;/p&gt;&lt;p&gt;Au programme : &lt;a href="/notes/${i}"&gt;les notes&lt;/a&gt;, &lt;strong&gt;les questions&lt;/strong&gt; et une &lt;img src="https://pixel.example/t.gif" width="1" height="1"&gt; mesure d&amp;#039;audience.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Portée des Pages&lt;/li&gt;&lt;li&gt;Publicité politique&lt;/li&gt;&lt;/ul&gt;${'&lt;p&gt;Transcription partielle : la portée organique baisse encore, les formats courts gagnent du terrain.&lt;/p&gt;'.repeat(6)}`;
}
