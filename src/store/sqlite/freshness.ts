import type { Database } from 'better-sqlite3';
import type { FeedFreshness } from '../../core/store-types.js';
import { summarizeFreshness, type Timeline } from '../freshness.js';
import { isoToMs, rangeBound } from '../dates.js';
import { guarded } from './errors.js';

/**
 * The expression of the `articles_by_first_seen` index, written identically here so SQLite
 * uses it: seconds since the epoch with milliseconds, whatever zone the ISO text carries.
 */
const FIRST_SEEN_S = "unixepoch(first_seen_at, 'subsec')";

/** Served from the covering index alone: no article row (nor its body) is read. */
export const TIMELINES = `SELECT feed_id, published_ms, ${FIRST_SEEN_S} AS first_seen_s, indexed_at
  FROM articles WHERE ${FIRST_SEEN_S} >= ? AND ${FIRST_SEEN_S} < ?`;

interface TimelineRow {
  feed_id: string;
  published_ms: number | null;
  first_seen_s: number;
  indexed_at: string;
}

function timelineOf(row: TimelineRow): Timeline {
  const indexedMs = isoToMs(row.indexed_at);
  return {
    feedId: row.feed_id,
    publishedMs: row.published_ms ?? undefined,
    // Back to whole milliseconds: the seconds are a double with the milliseconds as fraction.
    firstSeenMs: Math.round(row.first_seen_s * 1000),
    indexedMs: Number.isNaN(indexedMs) ? undefined : indexedMs,
  };
}

export function freshnessOf(
  db: Database,
  file: string,
  window: { since: string; until?: string },
): FeedFreshness[] {
  const sinceMs = rangeBound(window.since, 'from');
  const untilMs = window.until === undefined ? Date.now() : rangeBound(window.until, 'from');
  return guarded(file, () => {
    const rows = db.prepare(TIMELINES).all(sinceMs / 1000, untilMs / 1000) as TimelineRow[];
    return summarizeFreshness(rows.map(timelineOf));
  });
}
