import type { HistogramBucket, HistogramInterval } from '../../core/store-types.js';
import { bucketKey, isoToMs, nextBucketKey } from './dates.js';

export interface DayCount {
  /** `YYYY-MM-DD` in UTC. */
  day: string;
  count: number;
}

function rollUp(days: DayCount[], interval: HistogramInterval): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { day, count } of days) {
    const key = bucketKey(isoToMs(day), interval);
    counts.set(key, (counts.get(key) ?? 0) + count);
  }
  return counts;
}

function extremes(keys: string[]): [string, string] | [] {
  if (keys.length === 0) return [];
  const sorted = [...keys].sort();
  return [sorted[0]!, sorted[sorted.length - 1]!];
}

/**
 * Per-day counts rolled up into day, week (Monday) or month buckets, with a zero bucket for
 * every empty one between the first and the last, the range stretched to the query's from/to:
 * what Elasticsearch's date_histogram gives with min_doc_count 0 and extended_bounds.
 */
export function toBuckets(
  days: DayCount[],
  interval: HistogramInterval,
  bounds: { from?: number; to?: number },
): HistogramBucket[] {
  const counts = rollUp(days, interval);
  const boundKeys = [bounds.from, bounds.to].filter((ms) => ms !== undefined);
  const [first, last] = extremes([
    ...counts.keys(),
    ...boundKeys.map((ms) => bucketKey(ms, interval)),
  ]);
  const buckets: HistogramBucket[] = [];
  if (first === undefined || last === undefined) return buckets;
  for (let key = first; key <= last; key = nextBucketKey(key, interval)) {
    buckets.push({ bucket: key, count: counts.get(key) ?? 0 });
  }
  return buckets;
}
