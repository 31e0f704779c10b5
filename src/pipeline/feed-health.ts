import type { FeedConfig, FeedState } from '../core/feed-types.js';
import { routeError, errorMessage } from '../core/disposition.js';
import { HttpStatusError } from '../core/http-errors.js';
import {
  adaptiveIntervalMs,
  logNewItems,
  mergePublished,
  scheduleNextCheck,
  type PollResult,
} from '../feeds/index.js';

/** The state a feed starts from before its first poll. */
export function initialState(feedId: string, now: Date): FeedState {
  return {
    feedId,
    consecutiveFailures: 0,
    articlesIndexed: 0,
    articlesFailed: 0,
    nextCheckAt: now.toISOString(),
  };
}

export function recordPollSuccess(
  previous: FeedState,
  feed: FeedConfig,
  result: PollResult,
  counts: { items: number; fresh: number },
  now: Date,
): FeedState {
  const validators = result.kind === 'not-modified' ? {} : result.validators;
  const items = result.kind === 'parsed' ? result.feed.items : [];
  const publishedHistory = mergePublished(previous.publishedHistory, items, now);
  const intervalMs = adaptiveIntervalMs(feed, publishedHistory, now);
  return {
    ...previous,
    ...validators,
    intervalMs,
    publishedHistory,
    newItemLog: logNewItems(previous.newItemLog, counts.fresh, now),
    notModifiedStreak: result.kind === 'not-modified' ? (previous.notModifiedStreak ?? 0) + 1 : 0,
    lastAttemptAt: now.toISOString(),
    lastSuccessAt: now.toISOString(),
    lastStatus: result.status,
    lastOutcome: result.kind === 'parsed' ? 'ok' : result.kind,
    consecutiveFailures: 0,
    lastErrorCode: undefined,
    lastError: undefined,
    itemsLastPoll: counts.items,
    newItemsLastPoll: counts.fresh,
    nextCheckAt: scheduleNextCheck({
      now,
      intervalMs,
      minIntervalMs: feed.minIntervalMs,
      maxIntervalMs: feed.maxIntervalMs,
      consecutiveFailures: 0,
      cache: result.cache,
    }).toISOString(),
  };
}

/** A failed poll slows the feed down (backoff with jitter) but never stops polling it. */
export function recordPollFailure(
  previous: FeedState,
  feed: FeedConfig,
  err: unknown,
  now: Date,
): FeedState {
  const failures = previous.consecutiveFailures + 1;
  const retryAfterMs = err instanceof HttpStatusError ? err.retryAfterMs : undefined;
  return {
    ...previous,
    lastAttemptAt: now.toISOString(),
    lastStatus: err instanceof HttpStatusError ? err.status : undefined,
    lastOutcome: 'failed',
    consecutiveFailures: failures,
    lastErrorCode: routeError(err).code,
    lastError: errorMessage(err),
    nextCheckAt: scheduleNextCheck({
      now,
      intervalMs: previous.intervalMs ?? feed.intervalMs,
      consecutiveFailures: failures,
      cache: retryAfterMs === undefined ? undefined : { retryAfterMs },
    }).toISOString(),
  };
}
