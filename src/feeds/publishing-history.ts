import type { FeedItem } from '../core/feed-types.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** 100 dates: a week and more of an hourly feed, months of a daily one; ~1.5 kB of state. */
export const HISTORY_LIMIT = 100;
/** Dates ahead of our clock by more than an hour are the outlet's clock or time zone lying. */
const FUTURE_TOLERANCE_MS = HOUR_MS;
/** Hourly buckets of new items kept for the 24-hour count and the volume-drop check. */
const LOG_LIMIT_MS = 14 * DAY_MS;

/** Adds the items' publication dates (epoch ms) to the history: sorted, distinct, bounded. */
export function mergePublished(history: number[] = [], items: FeedItem[], now: Date): number[] {
  const latest = now.getTime() + FUTURE_TOLERANCE_MS;
  const dates = new Set(history);
  for (const item of items) {
    const ms = item.published_at === undefined ? Number.NaN : Date.parse(item.published_at);
    if (Number.isFinite(ms) && ms <= latest) dates.add(ms);
  }
  return [...dates].sort((a, b) => a - b).slice(-HISTORY_LIMIT);
}

/** Median gap between consecutive publication dates; undefined below three gaps. */
export function medianGapMs(history: number[] = []): number | undefined {
  if (history.length < 4) return undefined;
  const gaps = history.slice(1).map((ms, i) => ms - (history[i] ?? ms));
  return median(gaps);
}

export function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? upper : (upper + (sorted[mid - 1] ?? upper)) / 2;
}

/** One [hour start ms, new items] bucket per hour that found any, the last 14 days. */
export type NewItemLog = [number, number][];

export function logNewItems(log: NewItemLog = [], fresh: number, now: Date): NewItemLog {
  const hour = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  const kept = log.filter(([at]) => at > now.getTime() - LOG_LIMIT_MS);
  if (fresh === 0) return kept;
  const last = kept.at(-1);
  if (last?.[0] === hour) return [...kept.slice(0, -1), [hour, last[1] + fresh]];
  return [...kept, [hour, fresh]];
}

export function newItemsSince(log: NewItemLog = [], since: number): number {
  return log.reduce((sum, [at, count]) => (at >= since ? sum + count : sum), 0);
}

/** Three days of history before a drop can be told from a feed that is just starting. */
const MIN_DAYS_FOR_DROP = 3;
/** Below four items a day, a quiet day is chance, not a drop. */
const MIN_TYPICAL_DAILY = 4;
/** A day with under a quarter of the feed's typical volume is a sharp drop. */
const DROP_RATIO = 0.25;

/**
 * Whether the last 24 h brought far fewer new items than the feed's typical day, the median of
 * the whole days logged before them (a feed that broke its URL or moved keeps answering 200).
 */
export function volumeDropped(log: NewItemLog = [], now: Date): boolean {
  const end = now.getTime() - DAY_MS;
  const first = log[0]?.[0];
  if (first === undefined) return false;
  const days = Math.floor((end - first) / DAY_MS);
  if (days < MIN_DAYS_FOR_DROP) return false;
  const totals = Array.from({ length: days }, (_, k) =>
    newItemsBetween(log, end - (k + 1) * DAY_MS, end - k * DAY_MS),
  );
  const typical = median(totals) ?? 0;
  return typical >= MIN_TYPICAL_DAILY && newItemsSince(log, end) < typical * DROP_RATIO;
}

function newItemsBetween(log: NewItemLog, from: number, to: number): number {
  return log.reduce((sum, [at, count]) => (at >= from && at < to ? sum + count : sum), 0);
}
