import type { FeedConfig, FeedItem, ParsedFeed } from '../core/feed-types.js';

/** One article to fetch: the payload of an `article` job, serialisable as JSON. */
export interface ArticleTask {
  /** Document id: hash of the canonical URL, also the job id. */
  id: string;
  url: string;
  feedId: string;
  source: { name?: string; country?: string; language?: string };
  firstSeenAt: string;
  item: { title?: string; published_at?: string; authors: string[]; summary?: string };
}

/**
 * One task per distinct article of a parsed feed: an item repeating an earlier GUID is the
 * same article, else one whose URL has the same dedupe key (config/dedupe.yaml). Items without
 * a link cannot be fetched. Across polls and feeds the store's ids (the same key) dedupe.
 */
export function tasksFromFeed(
  feed: FeedConfig,
  parsed: ParsedFeed,
  now: Date,
  documentId: (canonicalUrl: string) => string,
): ArticleTask[] {
  const tasks = new Map<string, ArticleTask>();
  const guids = new Set<string>();
  for (const item of parsed.items) {
    const url = item.canonical_url ?? item.link;
    if (!url || (item.id !== undefined && guids.has(item.id))) continue;
    if (item.id !== undefined) guids.add(item.id);
    const id = documentId(url);
    if (!tasks.has(id)) tasks.set(id, toTask(feed, item, url, id, now));
  }
  return [...tasks.values()];
}

function toTask(feed: FeedConfig, item: FeedItem, url: string, id: string, now: Date): ArticleTask {
  return {
    id,
    url,
    feedId: feed.id,
    source: { name: feed.name, country: feed.country, language: feed.language },
    firstSeenAt: now.toISOString(),
    item: {
      title: item.title,
      published_at: item.published_at,
      authors: item.authors.length > 0 ? item.authors : item.author ? [item.author] : [],
      summary: item.summary,
    },
  };
}
