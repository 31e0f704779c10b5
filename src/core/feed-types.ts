/** A feed as the operator configured it (validated from config/feeds.yaml). */
export interface FeedConfig {
  id: string;
  url: string;
  name?: string;
  language?: string;
  /** ISO 3166-1 alpha-2 of the outlet. */
  country?: string;
  intervalMs: number;
  /** Bounds of the adaptive interval (global defaults folded in by the config loader). */
  minIntervalMs?: number;
  maxIntervalMs?: number;
  /** `ignore` for outlets whose terms allow monitoring: article fetches skip robots.txt. */
  robots?: 'respect' | 'ignore';
  /** Operator's labels, such as the OPML folders a feed was imported from. */
  tags?: string[];
  enabled: boolean;
}

export interface Enclosure {
  url: string;
  type?: string;
  length?: number;
}

/** One item of a parsed feed, links absolute. Field names follow `feed inspect --json`. */
export interface FeedItem {
  id?: string;
  title?: string;
  link?: string;
  canonical_url?: string;
  published_at?: string;
  author?: string;
  authors: string[];
  summary?: string;
  content?: string;
  enclosures: Enclosure[];
}

export interface ParsedFeed {
  feed: { title?: string; link?: string; description?: string; language?: string };
  items: FeedItem[];
}

/** What presswatch remembers about a feed between polls: caching validators and health. */
export interface FeedState {
  feedId: string;
  etag?: string;
  lastModified?: string;
  bodyHash?: string;
  lastAttemptAt?: string;
  lastSuccessAt?: string;
  lastStatus?: number;
  lastOutcome?: 'ok' | 'not-modified' | 'unchanged' | 'failed';
  consecutiveFailures: number;
  lastErrorCode?: string;
  lastError?: string;
  itemsLastPoll?: number;
  newItemsLastPoll?: number;
  articlesIndexed: number;
  articlesFailed: number;
  nextCheckAt: string;
  /** The polling interval the schedule chose last (adaptive), before backoff. */
  intervalMs?: number;
  /** Publication dates (epoch ms) of the items seen, sorted, the latest 100. */
  publishedHistory?: number[];
  /** [hour start ms, new items] per hour that found any, the last 14 days. */
  newItemLog?: [number, number][];
  /** 304 answers in a row: after enough of them the next poll asks without validators. */
  notModifiedStreak?: number;
  /** Hashed GUID → document id for the items of the last listing: links change, GUIDs stay. */
  listedGuids?: Record<string, string>;
}
