import type { LanguagePool } from './language-pool.js';
import { escapeHtml } from './page-chrome.js';

/** One item as a generated feed lists it. */
export interface FeedEntry {
  url: string;
  title: string;
  teaser: string;
  author: string;
  publishedAt: Date;
}

function renderItem(entry: FeedEntry): string {
  return `<item>
<title>${escapeHtml(entry.title)}</title>
<link>${entry.url}</link>
<guid isPermaLink="true">${entry.url}</guid>
<pubDate>${entry.publishedAt.toUTCString()}</pubDate>
<dc:creator>${escapeHtml(entry.author)}</dc:creator>
<description>${escapeHtml(entry.teaser)}</description>
</item>`;
}

/** RSS 2.0, newest item first, as outlets publish them. */
export function renderBenchFeed(
  baseUrl: string,
  feed: number,
  pool: LanguagePool,
  entries: FeedEntry[],
): string {
  const newestFirst = [...entries].sort(
    (a, b) => b.publishedAt.getTime() - a.publishedAt.getTime(),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>${escapeHtml(pool.outlet)} – Feed ${feed}</title>
<link>${baseUrl}/</link>
<description>${escapeHtml(pool.newsletterText)}</description>
<language>${pool.language}</language>
${newestFirst.map(renderItem).join('\n')}
</channel>
</rss>
`;
}
