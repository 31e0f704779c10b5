import { routeError } from '../core/disposition.js';

/** First retry after 2 s, doubling, capped at 5 min: long enough for a restart, short enough for news. */
const BASE_MS = 2_000;
const CAP_MS = 300_000;
/** ±20 % so that jobs failed together do not retry together. */
const JITTER = 0.2;

/** Delay before retry `attempt` (1-based): the server's word (Retry-After) wins, else exponential. */
export function retryDelayMs(
  attempt: number,
  err: unknown,
  random: () => number = Math.random,
): number {
  const told = routeError(err).delayMs;
  if (told !== undefined) return Math.min(told, CAP_MS);
  const exponential = Math.min(BASE_MS * 2 ** (attempt - 1), CAP_MS);
  return Math.round(exponential * (1 - JITTER + 2 * JITTER * random()));
}
