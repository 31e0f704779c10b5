import { UsageError } from '../core/errors.js';
import type { HistogramInterval } from '../core/store-types.js';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const HAS_ZONE = /(?:[zZ]|[+-]\d{2}:?\d{2})$/;
const DAY_MS = 86_400_000;

/**
 * Milliseconds since the epoch for an ISO date or date-time, NaN when it is not one.
 * A date or a date-time without a zone is read as UTC, as Elasticsearch reads it, never as
 * this machine's local time.
 */
export function isoToMs(text: string): number {
  if (DATE_ONLY.test(text)) return Date.parse(`${text}T00:00:00Z`);
  if (!text.includes('T')) return Number.NaN;
  return Date.parse(HAS_ZONE.test(text) ? text : `${text}Z`);
}

/** Inclusive bounds of a query. A bare date as `to` covers that whole day, as in Elasticsearch. */
export function rangeBound(text: string, side: 'from' | 'to'): number {
  const ms = isoToMs(text);
  if (Number.isNaN(ms)) throw new UsageError(`--${side}: "${text}" is not an ISO date`);
  return side === 'to' && DATE_ONLY.test(text) ? ms + DAY_MS - 1 : ms;
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The UTC start of the bucket holding `ms`: the day, the Monday of its week, the 1st of its month. */
export function bucketKey(ms: number, interval: HistogramInterval): string {
  const day = new Date(ms);
  if (interval === 'month') return isoDate(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), 1));
  const dayStart = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
  if (interval === 'day') return isoDate(dayStart);
  // getUTCDay() counts from Sunday (0); shifting by 6 mod 7 makes Monday 0.
  const daysSinceMonday = (day.getUTCDay() + 6) % 7;
  return isoDate(dayStart - daysSinceMonday * DAY_MS);
}

/** The key of the bucket after `key`. */
export function nextBucketKey(key: string, interval: HistogramInterval): string {
  const start = new Date(`${key}T00:00:00Z`);
  if (interval === 'month') {
    return isoDate(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
  }
  const days = interval === 'week' ? 7 : 1;
  return isoDate(start.getTime() + days * DAY_MS);
}
