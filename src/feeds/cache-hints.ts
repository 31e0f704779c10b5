import { parseRetryAfter } from '../http/retry-after.js';

/** What the server and the feed say about when to come back. */
export interface CacheHints {
  retryAfterMs?: number;
  /** Cache-Control max-age. */
  maxAgeMs?: number;
  /** RSS <ttl>, in milliseconds. */
  ttlMs?: number;
}

const MINUTE_MS = 60_000;

export function cacheHintsFromHeaders(headers: Record<string, string>, now: Date): CacheHints {
  const hints: CacheHints = {};
  const retryAfterMs = parseRetryAfter(headers['retry-after'], now);
  if (retryAfterMs !== undefined) hints.retryAfterMs = retryAfterMs;
  const maxAgeMs = maxAgeFromCacheControl(headers['cache-control']);
  if (maxAgeMs !== undefined) hints.maxAgeMs = maxAgeMs;
  return hints;
}

/** max-age in ms; no-store/no-cache mean "do not stretch", so they yield nothing. */
export function maxAgeFromCacheControl(value: string | undefined): number | undefined {
  if (value === undefined || /\bno-(store|cache)\b/i.test(value)) return undefined;
  const match = /(?:^|[,\s])max-age\s*=\s*"?(\d+)"?/i.exec(value);
  return match?.[1] === undefined ? undefined : Number(match[1]) * 1000;
}

export function ttlToMs(ttlMinutes: number | undefined): number | undefined {
  if (ttlMinutes === undefined || !Number.isFinite(ttlMinutes) || ttlMinutes <= 0) return undefined;
  return ttlMinutes * MINUTE_MS;
}
