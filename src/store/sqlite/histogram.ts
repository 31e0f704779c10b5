import type { HistogramBucket, HistogramInterval } from '../../core/store-types.js';
import { bucketKey, isoToMs, nextBucketKey } from '../dates.js';

export interface DayCount {
  /** `YYYY-MM-DD` in UTC. */
  day: string;
  count: number;
}

export interface TopicDayCount extends DayCount {
  topic: string;
}

function rollUp(days: DayCount[], interval: HistogramInterval): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { day, count } of days) {
    const key = bucketKey(isoToMs(day), interval);
    counts.set(key, (counts.get(key) ?? 0) + count);
  }
  return counts;
}

/** Bucket key → topic → count, the per-topic counts rolled up like the totals. */
function rollUpTopics(
  days: TopicDayCount[],
  interval: HistogramInterval,
): Map<string, Record<string, number>> {
  const byBucket = new Map<string, Record<string, number>>();
  for (const { day, topic, count } of days) {
    const key = bucketKey(isoToMs(day), interval);
    const topics = byBucket.get(key) ?? {};
    topics[topic] = (topics[topic] ?? 0) + count;
    byBucket.set(key, topics);
  }
  return byBucket;
}

/** Most frequent first, ties by id: the order of Elasticsearch's terms aggregation. */
function ranked(topics: Record<string, number>): Record<string, number> {
  const order = ([a, m]: [string, number], [b, n]: [string, number]) =>
    n - m || (a < b ? -1 : a > b ? 1 : 0);
  return Object.fromEntries(Object.entries(topics).sort(order));
}

function extremes(keys: string[]): [string, string] | [] {
  if (keys.length === 0) return [];
  const sorted = [...keys].sort();
  return [sorted[0]!, sorted[sorted.length - 1]!];
}

/**
 * Per-day counts rolled up into day, week (Monday) or month buckets, with a zero bucket for
 * every empty one between the first and the last, the range stretched to the query's from/to:
 * what Elasticsearch's date_histogram gives with min_doc_count 0 and extended_bounds. With
 * `topicDays`, every bucket also carries its per-topic counts (`{}` when it has none).
 */
export function toBuckets(
  days: DayCount[],
  interval: HistogramInterval,
  bounds: { from?: number; to?: number },
  topicDays?: TopicDayCount[],
): HistogramBucket[] {
  const counts = rollUp(days, interval);
  const topics = topicDays && rollUpTopics(topicDays, interval);
  const boundKeys = [bounds.from, bounds.to].filter((ms) => ms !== undefined);
  const [first, last] = extremes([
    ...counts.keys(),
    ...boundKeys.map((ms) => bucketKey(ms, interval)),
  ]);
  const buckets: HistogramBucket[] = [];
  if (first === undefined || last === undefined) return buckets;
  for (let key = first; key <= last; key = nextBucketKey(key, interval)) {
    const bucket: HistogramBucket = { bucket: key, count: counts.get(key) ?? 0 };
    if (topics) bucket.topics = ranked(topics.get(key) ?? {});
    buckets.push(bucket);
  }
  return buckets;
}
