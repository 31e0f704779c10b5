import type { RdfFeed, RssFeed } from 'feedsmith';
import type { FeedItem, ParsedFeed } from '../core/feed-types.js';
import { assignDefined, buildItem, type RawItem } from './item-builder.js';
import { mediaEnclosures } from './media.js';
import { firstText, htmlToText, resolveUrl } from './text.js';

type RssItem = RssFeed.Item<string>;
type RdfItem = RdfFeed.Item<string>;

/** RSS 0.9x/2.0. Titles may carry markup or entities in RSS, so they are reduced to text. */
export function mapRss(feed: RssFeed.Feed<string>, feedUrl: string): ParsedFeed {
  const base = resolveUrl(feed.xml?.base, feedUrl) ?? feedUrl;
  const items = (feed.items ?? []).map((item) => rssItem(item, base));
  const title = firstText(feed.title, feed.dc?.titles?.[0]);
  const link = resolveUrl(firstText(feed.link, alternateLink(feed.atom?.links)), base);
  const description = firstText(feed.description, feed.itunes?.summary, feed.itunes?.subtitle);
  return channel(title, link, description, feed.language, items);
}

/** RSS 1.0 / RDF: the same item vocabulary, language from Dublin Core. */
export function mapRdf(feed: RdfFeed.Feed<string>, feedUrl: string): ParsedFeed {
  const base = resolveUrl(feed.xml?.base, feedUrl) ?? feedUrl;
  const items = (feed.items ?? []).map((item) => rdfItem(item, base));
  const language = feed.dc?.languages?.[0];
  return channel(feed.title, resolveUrl(feed.link, base), feed.description, language, items);
}

function rssItem(item: RssItem, feedBase: string): FeedItem {
  const base = resolveUrl(item.xml?.base, feedBase) ?? feedBase;
  const guid = item.guid?.value;
  const shared = sharedFields(item);
  const raw: RawItem = {
    ...shared,
    // Podcasts and some outlets' feeds carry their text in iTunes tags only.
    summary: firstText(shared.summary, item.itunes?.summary, item.itunes?.subtitle),
    id: guid,
    link: firstText(item.link, permalinkGuid(item.guid), alternateLink(item.atom?.links)),
    dates: [item.pubDate, ...(item.dc?.dates ?? []), item.atom?.published, item.atom?.updated],
    authors: [
      ...(item.authors ?? []).map((person) => person.name ?? person.email),
      ...(item.dc?.creators ?? []),
      ...(item.atom?.authors ?? []).map((person) => person.name),
      item.itunes?.author,
    ],
    enclosures: [
      ...(item.enclosures ?? []).map((e) => ({ url: e.url, type: e.type, length: e.length })),
      ...mediaEnclosures(item.media),
    ],
  };
  return buildItem(raw, base);
}

function rdfItem(item: RdfItem, feedBase: string): FeedItem {
  const base = resolveUrl(item.xml?.base, feedBase) ?? feedBase;
  const raw: RawItem = {
    ...sharedFields(item),
    id: item.rdf?.about,
    link: item.link,
    dates: item.dc?.dates ?? [],
    authors: item.dc?.creators ?? [],
    enclosures: mediaEnclosures(item.media),
  };
  return buildItem(raw, base);
}

/** Core elements first, then Dublin Core, Media RSS and Atom stand-ins. */
function sharedFields(item: RssItem | RdfItem): Pick<RawItem, 'title' | 'summary' | 'content'> {
  return {
    title: htmlToText(firstText(item.title, item.dc?.titles?.[0], item.media?.title?.value)),
    summary: firstText(
      item.description,
      item.dc?.descriptions?.[0],
      item.media?.description?.value,
    ),
    content: firstText(item.content?.encoded, item.atom?.content?.value),
  };
}

/** RSS 2.0: a guid is the item's permalink unless isPermaLink="false". */
function permalinkGuid(guid: RssItem['guid']): string | undefined {
  if (guid?.isPermaLink === false || guid?.value === undefined) return undefined;
  return /^https?:\/\//i.test(guid.value.trim()) ? guid.value : undefined;
}

/** An atom:link that points at the page (rel="self" points at the feed itself). */
function alternateLink(links: { href?: string; rel?: string }[] | undefined): string | undefined {
  return links?.find((link) => link.rel === undefined || link.rel === 'alternate')?.href;
}

function channel(
  title: string | undefined,
  link: string | undefined,
  description: string | undefined,
  language: string | undefined,
  items: FeedItem[],
): ParsedFeed {
  const feed: ParsedFeed['feed'] = {};
  assignDefined(feed, { title: htmlToText(title), link, description, language });
  return { feed, items };
}
