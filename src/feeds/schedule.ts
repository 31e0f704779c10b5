import type { CacheHints } from './cache-hints.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** Floor for any next check: no news feed needs more than one poll a minute, and outlets notice. */
export const MIN_CHECK_INTERVAL_MS = MINUTE_MS;
/** Ceiling after success: even a feed that asks for days of caching is looked at daily. */
export const MAX_CHECK_INTERVAL_MS = 24 * HOUR_MS;
/** Ceiling of the failure backoff: a broken feed is still tried four times a day, never dropped. */
export const MAX_BACKOFF_MS = 6 * HOUR_MS;
/** ±20 %: enough to spread feeds that failed together (one outage) over a wide window. */
export const BACKOFF_JITTER = 0.2;

export interface ScheduleInput {
  now: Date;
  /** The feed's interval now: adaptive after success, the backoff base after failure. */
  intervalMs: number;
  /** The feed's bounds for max-age and <ttl> (default: 1 min to 24 h). */
  minIntervalMs?: number;
  maxIntervalMs?: number;
  consecutiveFailures: number;
  cache?: CacheHints;
  /** Uniform in [0, 1); injectable for tests. */
  random?: () => number;
}

/** When to poll a feed next: its interval after success, exponential backoff after failure. */
export function scheduleNextCheck(input: ScheduleInput): Date {
  const delayMs = input.consecutiveFailures > 0 ? failureDelay(input) : successDelay(input);
  return new Date(input.now.getTime() + delayMs);
}

/**
 * The interval, stretched (never shortened) by max-age and <ttl> up to the feed's maximum;
 * Retry-After is the server's explicit word, so it may pass that maximum up to a day.
 */
function successDelay({ intervalMs, minIntervalMs, maxIntervalMs, cache = {} }: ScheduleInput) {
  const asked = Math.max(intervalMs, cache.maxAgeMs ?? 0, cache.ttlMs ?? 0);
  const min = Math.max(minIntervalMs ?? MIN_CHECK_INTERVAL_MS, MIN_CHECK_INTERVAL_MS);
  const max = Math.min(maxIntervalMs ?? MAX_CHECK_INTERVAL_MS, MAX_CHECK_INTERVAL_MS);
  const bounded = clamp(asked, min, Math.max(min, max));
  return Math.max(bounded, Math.min(cache.retryAfterMs ?? 0, MAX_CHECK_INTERVAL_MS));
}

/**
 * interval·2^(failures−1) with jitter. The base is capped at MAX_BACKOFF_MS/(1+jitter) so the
 * jittered delay never passes MAX_BACKOFF_MS yet feeds at the cap stay spread out.
 */
function failureDelay({
  intervalMs,
  consecutiveFailures,
  cache = {},
  random = Math.random,
}: ScheduleInput): number {
  const exponential = intervalMs * 2 ** (consecutiveFailures - 1);
  const base = Math.min(exponential, MAX_BACKOFF_MS / (1 + BACKOFF_JITTER));
  const jittered = base * (1 + BACKOFF_JITTER * (2 * random() - 1));
  const retryAfter = Math.min(cache.retryAfterMs ?? 0, MAX_CHECK_INTERVAL_MS);
  return Math.max(clamp(jittered, MIN_CHECK_INTERVAL_MS, MAX_BACKOFF_MS), retryAfter);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
