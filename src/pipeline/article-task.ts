import { createHash } from 'node:crypto';
import type { FeedConfig, FeedItem, ParsedFeed } from '../core/feed-types.js';
import type { UrlIdentity } from '../feeds/index.js';

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

/** Hashed GUID → document id, for the items of a feed's last listing. */
export type GuidMemory = Record<string, string>;

/**
 * A listing larger than this keeps only its first entries in memory: feeds list newest first,
 * and an item edited after it fell this far down is rarely re-linked.
 */
const GUID_MEMORY_ITEMS = 500;
/** 64 bits of SHA-256: GUIDs are compared within one feed's few hundred items, not globally. */
const GUID_HASH_HEX = 16;

function guidKey(guid: string): string {
  return createHash('sha256').update(guid).digest('hex').slice(0, GUID_HASH_HEX);
}

export interface FeedTasks {
  tasks: ArticleTask[];
  /** The GUIDs of this listing with the ids they were given: the next poll's memory. */
  guids: GuidMemory;
}

/**
 * One task per distinct article of a parsed feed. Identity goes GUID first: an item whose GUID
 * the previous poll listed keeps that poll's document id even when its link changed (outlets
 * rewrite slugs when they edit a headline), and a GUID repeated within a listing is one
 * article. Else the URL's dedupe key (config/dedupe.yaml) is the id, which also dedupes across
 * feeds and polls through the store. Items without a link have no page to fetch.
 */
export function tasksFromFeed(
  feed: FeedConfig,
  parsed: ParsedFeed,
  now: Date,
  identity: UrlIdentity,
  remembered: GuidMemory = {},
): FeedTasks {
  const tasks = new Map<string, ArticleTask>();
  const guids = new Map<string, string>();
  for (const item of parsed.items) {
    const url = item.link && (identity.canonicalize(item.link) ?? item.link);
    const key = item.id === undefined ? undefined : guidKey(item.id);
    if (!url || (key !== undefined && guids.has(key))) continue;
    const id = (key !== undefined && remembered[key]) || identity.documentId(url);
    if (key !== undefined) guids.set(key, id);
    if (!tasks.has(id)) tasks.set(id, toTask(feed, item, url, id, now));
  }
  return {
    tasks: [...tasks.values()],
    guids: Object.fromEntries([...guids].slice(0, GUID_MEMORY_ITEMS)),
  };
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
