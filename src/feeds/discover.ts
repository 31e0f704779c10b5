import { load } from 'cheerio';
import type { HttpClient } from '../core/http-types.js';
import { decodeFeed } from './decode.js';
import { parseFeed } from './parse.js';

export interface DiscoveredFeed {
  url: string;
  title?: string;
  /** How it was found: a `<link rel="alternate">` of the page, or a common path that parsed. */
  via: 'link' | 'path';
}

const FEED_TYPES =
  /^application\/(rss|atom|rdf|feed)\+(xml|json)$|^application\/(rss|atom)$|^text\/xml$/i;

/**
 * Paths where sites' software puts feeds (WordPress, Blogger, Hugo, Jekyll, Ghost, Drupal and
 * hand-made sites), tried in this order when the page names none.
 */
export const COMMON_FEED_PATHS = [
  '/feed',
  '/rss',
  '/rss.xml',
  '/feed.xml',
  '/atom.xml',
  '/index.xml',
  '/feeds/posts/default',
  '/rss/index.xml',
];

/** The feeds a page announces with `<link rel="alternate" type="…feed type…">`, links absolute. */
export function feedLinksInHtml(html: string, pageUrl: string): DiscoveredFeed[] {
  const $ = load(html);
  const found = new Map<string, DiscoveredFeed>();
  $('link[rel~="alternate"][href], a[rel~="alternate"][href]').each((_, element) => {
    const type = $(element).attr('type')?.trim() ?? '';
    if (!FEED_TYPES.test(type)) return;
    const url = absolute($(element).attr('href') ?? '', pageUrl);
    const title = $(element).attr('title')?.trim() || undefined;
    if (url !== undefined && !found.has(url)) found.set(url, { url, title, via: 'link' });
  });
  return [...found.values()];
}

function absolute(href: string, base: string): string | undefined {
  try {
    return new URL(href.trim(), base).href;
  } catch {
    return undefined;
  }
}

/** The site's feeds: announced ones, else those of the common paths that parse as feeds. */
export async function discoverFeeds(http: HttpClient, pageUrl: string): Promise<DiscoveredFeed[]> {
  const page = await http.get({ url: pageUrl });
  const announced = feedLinksInHtml(page.body.toString('utf8'), page.url);
  if (announced.length > 0) return announced;
  const found: DiscoveredFeed[] = [];
  for (const path of COMMON_FEED_PATHS) {
    const probe = await probeFeed(http, new URL(path, page.url).href);
    if (probe !== undefined && !found.some((f) => f.url === probe.url)) found.push(probe);
  }
  return found;
}

async function probeFeed(http: HttpClient, url: string): Promise<DiscoveredFeed | undefined> {
  try {
    const response = await http.get({ url });
    const parsed = parseFeed(
      decodeFeed(response.body, response.headers['content-type']),
      response.url,
    );
    return { url: response.url, title: parsed.feed.title, via: 'path' };
  } catch {
    return undefined;
  }
}
