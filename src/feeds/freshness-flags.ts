import type { DelayFigures, FeedFreshness } from '../core/store-types.js';

const MINUTE_MS = 60_000;

/** Below ten delays in the last 24 h, one slow article moves the median: no verdict. */
export const MIN_RECENT_DELAYS = 10;
/** Twenty delays in the 7 days before (about three a day) make a history; fewer is a new feed. */
export const MIN_BASELINE_DELAYS = 20;
/**
 * A median three times the feed's usual: the adaptive interval swings within a day (up to 4×
 * in quiet hours), but a 7-day baseline and a 24-h median both span whole days of that swing.
 */
export const DELAY_RATIO = 3;
/**
 * Publication to first seen must also reach 30 minutes, two default polling intervals: a feed
 * polled every 5 minutes going from 3 to 10 is noise an operator cannot act on.
 */
export const DISCOVERY_FLOOR_MS = 30 * MINUTE_MS;
/**
 * First seen to searchable must reach 10 minutes: fetching and a bulk flush take seconds, and
 * a rise from 2 s to 10 s is a busy host gate, not a stuck worker.
 */
export const INDEXING_FLOOR_MS = 10 * MINUTE_MS;

export interface FreshnessFlags {
  /** Articles reach our polls much later after publication than they used to. */
  discoveryDelayed: boolean;
  /** Articles take much longer from our first sighting to being searchable than they used to. */
  indexingDelayed: boolean;
}

/**
 * Whether the last 24 h (`recent`) depart from the feed's previous 7 days (`baseline`): the
 * median delay over DELAY_RATIO times the baseline's median and at least the floor, each delay
 * on its own.
 */
export function freshnessFlags(recent?: FeedFreshness, baseline?: FeedFreshness): FreshnessFlags {
  return {
    discoveryDelayed: departed(
      recent?.publishedToFirstSeen,
      baseline?.publishedToFirstSeen,
      DISCOVERY_FLOOR_MS,
    ),
    indexingDelayed: departed(
      recent?.firstSeenToIndexed,
      baseline?.firstSeenToIndexed,
      INDEXING_FLOOR_MS,
    ),
  };
}

export function departed(
  recent: DelayFigures | undefined,
  baseline: DelayFigures | undefined,
  floorMs: number,
): boolean {
  if (!recent || !baseline) return false;
  if (recent.count < MIN_RECENT_DELAYS || baseline.count < MIN_BASELINE_DELAYS) return false;
  return recent.p50Ms >= floorMs && recent.p50Ms > DELAY_RATIO * baseline.p50Ms;
}
