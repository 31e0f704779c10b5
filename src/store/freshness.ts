// Freshness figures from document timelines, the same function for both stores: each store
// reads the four timestamps of the documents first seen in a window, and this turns them into
// per-feed counts and percentiles, so both stores give the same figures for the same documents.
import type { DelayFigures, FeedFreshness } from '../core/store-types.js';

/** One document's timeline, epoch ms; a missing timestamp is undefined. */
export interface Timeline {
  feedId: string;
  publishedMs?: number;
  firstSeenMs: number;
  indexedMs?: number;
}

interface FeedDelays {
  documents: number;
  undated: number;
  datedAfterFirstSeen: number;
  published: number[];
  indexed: number[];
}

/** Per feed, sorted by feed id. */
export function summarizeFreshness(timelines: Iterable<Timeline>): FeedFreshness[] {
  const byFeed = new Map<string, FeedDelays>();
  for (const timeline of timelines) {
    const delays = byFeed.get(timeline.feedId) ?? emptyDelays();
    addTimeline(delays, timeline);
    byFeed.set(timeline.feedId, delays);
  }
  return [...byFeed.keys()].sort().map((feedId) => figuresOf(feedId, byFeed.get(feedId)!));
}

function emptyDelays(): FeedDelays {
  return { documents: 0, undated: 0, datedAfterFirstSeen: 0, published: [], indexed: [] };
}

function addTimeline(delays: FeedDelays, { publishedMs, firstSeenMs, indexedMs }: Timeline): void {
  delays.documents += 1;
  // A publication after the first sighting is the outlet's clock or time zone, not a delay:
  // counted apart rather than as 0, which would pull the feed's median toward "instant".
  if (publishedMs === undefined) delays.undated += 1;
  else if (publishedMs > firstSeenMs) delays.datedAfterFirstSeen += 1;
  else delays.published.push(firstSeenMs - publishedMs);
  // Indexing cannot precede the sighting; an earlier indexed_at is clock skew between machines.
  if (indexedMs !== undefined) delays.indexed.push(Math.max(0, indexedMs - firstSeenMs));
}

function figuresOf(feedId: string, delays: FeedDelays): FeedFreshness {
  return {
    feedId,
    documents: delays.documents,
    publishedToFirstSeen: delayFigures(delays.published),
    firstSeenToIndexed: delayFigures(delays.indexed),
    undated: delays.undated,
    datedAfterFirstSeen: delays.datedAfterFirstSeen,
  };
}

export function delayFigures(delays: number[]): DelayFigures | undefined {
  if (delays.length === 0) return undefined;
  const sorted = [...delays].sort((a, b) => a - b);
  return { count: sorted.length, p50Ms: percentile(sorted, 0.5), p95Ms: percentile(sorted, 0.95) };
}

/**
 * Linear interpolation between the closest ranks (numpy's default), rounded to the millisecond
 * the timestamps carry. `sorted` ascending, not empty.
 */
export function percentile(sorted: number[], q: number): number {
  const rank = q * (sorted.length - 1);
  const below = Math.floor(rank);
  const low = sorted[below]!;
  const high = sorted[Math.min(below + 1, sorted.length - 1)]!;
  return Math.round(low + (rank - below) * (high - low));
}
