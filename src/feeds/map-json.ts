import type { JsonFeed } from 'feedsmith';
import type { FeedItem, ParsedFeed } from '../core/feed-types.js';
import { assignDefined, buildItem } from './item-builder.js';
import { collapseWhitespace, firstText, resolveUrl } from './text.js';

type Item = JsonFeed.Item<string>;

/** JSON Feed 1.0/1.1: titles are plain text by the spec; relative URLs resolve against the feed. */
export function mapJson(feed: JsonFeed.Feed<string>, feedUrl: string): ParsedFeed {
  const feedAuthors = (feed.authors ?? []).map((author) => author.name);
  const items = (feed.items ?? []).map((item) => jsonItem(item, feedUrl, feedAuthors));
  const meta: ParsedFeed['feed'] = {};
  assignDefined(meta, {
    title: collapseWhitespace(feed.title),
    link: resolveUrl(feed.home_page_url, feedUrl),
    description: feed.description,
    language: feed.language,
  });
  return { feed: meta, items };
}

function jsonItem(item: Item, feedUrl: string, feedAuthors: (string | undefined)[]): FeedItem {
  const own = (item.authors ?? []).map((author) => author.name);
  return buildItem(
    {
      id: item.id,
      title: collapseWhitespace(item.title),
      link: firstText(item.url, item.external_url),
      dates: [item.date_published, item.date_modified],
      authors: own.length > 0 ? own : feedAuthors,
      summary: item.summary,
      content: firstText(item.content_html, item.content_text),
      enclosures: (item.attachments ?? []).map((a) => ({
        url: a.url,
        type: a.mime_type,
        length: a.size_in_bytes,
      })),
    },
    feedUrl,
  );
}
