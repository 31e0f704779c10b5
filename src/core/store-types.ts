import type { ArticleDocument } from './document.js';
import type { FeedState } from './feed-types.js';

import type { PresswatchError } from './errors.js';

export type PutOutcome =
  { id: string; ok: true } | { id: string; ok: false; error: PresswatchError };

export type HistogramInterval = 'day' | 'week' | 'month';

export interface SearchQuery {
  text?: string;
  topic?: string;
  country?: string;
  pair?: string;
  feed?: string;
  language?: string;
  /** Only documents that copy no other (no `copied_from`): origins and stories of one. */
  originOnly?: boolean;
  /** Only documents whose `copied_from` is this document id. */
  copiesOf?: string;
  /** ISO dates, inclusive bounds on published_at. */
  from?: string;
  to?: string;
  limit: number;
}

export interface HistogramBucket {
  /** ISO date of the bucket's start (UTC). */
  bucket: string;
  count: number;
  /** Per topic id, the bucket's articles carrying that topic; only when asked with `byTopic`. */
  topics?: Record<string, number>;
}

export interface HistogramOptions {
  byTopic?: boolean;
}

export interface ScanOptions {
  /** Only documents published on or after this ISO date. */
  since?: string;
  batchSize: number;
}

/** What story grouping and the story view read of a stored document: everything but the text. */
export const STORY_FIELDS = [
  'id',
  'url',
  'title',
  'published_at',
  'first_seen_at',
  'source',
  'cites',
  'story_id',
  'copied_from',
  'copied_by',
  'credited_sources',
  'origin_overlap',
  'fingerprint',
] as const satisfies readonly (keyof ArticleDocument)[];

export type StoryFields = Pick<ArticleDocument, (typeof STORY_FIELDS)[number]>;

/**
 * New story fields of one stored document, after a member that changes them joined its story
 * (an origin stored after its copies). A field left out keeps its stored value.
 */
export interface StoryFieldUpdate {
  id: string;
  copied_from?: string;
  copied_by?: 'credit' | 'overlap';
  origin_overlap: number;
}

export interface SearchResult {
  total: number;
  hits: ArticleDocument[];
}

/** How late one feed's documents came: a delay's count and percentiles, in ms. */
export interface DelayFigures {
  count: number;
  p50Ms: number;
  p95Ms: number;
}

/** One feed's documents first seen in a window, and the delays of their timelines. */
export interface FeedFreshness {
  feedId: string;
  documents: number;
  /** published_at → first_seen_at, over documents dated no later than first seen. */
  publishedToFirstSeen?: DelayFigures;
  /** first_seen_at → indexed_at (searchable); an indexed_at before first seen counts as 0. */
  firstSeenToIndexed?: DelayFigures;
  /** Documents without published_at. */
  undated: number;
  /** Documents whose published_at is after their first sighting: the outlet's clock or zone. */
  datedAfterFirstSeen: number;
}

/** Where documents live: Elasticsearch (scaled) or SQLite FTS5 (embedded). */
export interface ArticleStore {
  /** Create or update templates, aliases, tables. Idempotent. */
  setup(): Promise<void>;
  /**
   * Store documents by id (insert or replace), one outcome per document in input order.
   * Rejects with StoreUnavailableError when the store cannot be reached at all.
   */
  putMany(docs: ArticleDocument[]): Promise<PutOutcome[]>;
  /** Which of these ids are already stored. */
  existing(ids: string[]): Promise<Set<string>>;
  get(id: string): Promise<ArticleDocument | undefined>;
  search(query: SearchQuery): Promise<SearchResult>;
  histogram(
    query: SearchQuery,
    interval: HistogramInterval,
    options?: HistogramOptions,
  ): Promise<HistogramBucket[]>;
  /**
   * Every stored document in id order, in batches of at most `batchSize`, without holding them
   * all in memory; documents rewritten during the scan (retag) are not visited twice.
   */
  scan(options: ScanOptions): AsyncIterable<ArticleDocument[]>;
  /** Stored documents sharing any of these LSH keys, those sharing most first, at most `limit`. */
  storyCandidates(lshKeys: string[], limit: number): Promise<StoryFields[]>;
  /** Stored documents of one story, earliest published first, at most `limit`. */
  storyMembers(storyId: string, limit: number): Promise<StoryFields[]>;
  /**
   * Rewrites the story fields of stored documents, all in one request or transaction. A document
   * not stored (yet) is skipped: its own write carries its fields. Rejects with
   * StoreUnavailableError when the store cannot take the request.
   */
  updateStoryFields(updates: StoryFieldUpdate[]): Promise<void>;
  /**
   * Per feed, the documents first seen in [since, until) (ISO; until defaults to now) and their
   * delays; feeds without such documents are absent.
   */
  freshness(since: string, until?: string): Promise<FeedFreshness[]>;
  /** Make recent writes visible to search (Elasticsearch refresh). */
  refresh(): Promise<void>;
  close(): Promise<void>;
}

/** Feed state and health: Redis (scaled) or a SQLite table (embedded). */
export interface FeedStateStore {
  get(feedId: string): Promise<FeedState | undefined>;
  put(state: FeedState): Promise<void>;
  list(): Promise<FeedState[]>;
  /** Feed ids whose next check is at or before `now`. */
  due(now: Date): Promise<string[]>;
  /** Add feeds that are new (due now), drop feeds no longer configured. */
  reconcile(feedIds: string[], now: Date): Promise<void>;
  /** Count an article outcome on its feed, exactly once per call. */
  countArticle(feedId: string, outcome: 'indexed' | 'failed'): Promise<void>;
  close(): Promise<void>;
}
