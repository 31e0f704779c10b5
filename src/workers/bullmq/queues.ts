import { Queue, type ConnectionOptions, type DefaultJobOptions } from 'bullmq';
import type { ArticleDocument } from '../../core/document.js';
import type { ArticleTask } from '../../pipeline/article-task.js';

export const POLL_QUEUE = 'poll';
export const ARTICLE_QUEUE = 'article';

export interface PollJobData {
  feedId: string;
}

/**
 * Article jobs keep the built document once made, so a store outage never re-fetches the page;
 * `waits` counts waits that used no attempt; `gaveUp` marks a job that failed for good on a
 * transient error, which the next poll may enqueue again.
 */
export type ArticleJobData = ArticleTask & {
  doc?: ArticleDocument;
  waits?: number;
  gaveUp?: 'retryable';
};

/** Attempts for transient failures: with the 2 s doubling backoff, about four minutes of trying. */
export const ARTICLE_ATTEMPTS = 8;

const KEEP_COMPLETED = { age: 24 * 3600, count: 10_000 };
/** Failed jobs stay a week for operators to inspect; their ids also stop re-enqueueing 404s. */
const KEEP_FAILED = { age: 7 * 24 * 3600, count: 50_000 };

export const articleJobOptions: DefaultJobOptions = {
  attempts: ARTICLE_ATTEMPTS,
  backoff: { type: 'presswatch' },
  removeOnComplete: KEEP_COMPLETED,
  removeOnFail: KEEP_FAILED,
};

/** Poll jobs vanish when done so the scheduler can enqueue the feed again; health lives in feed state. */
export const pollJobOptions: DefaultJobOptions = {
  attempts: 1,
  removeOnComplete: true,
  removeOnFail: true,
};

export function bullPrefix(indexPrefix: string): string {
  return `${indexPrefix}:bull`;
}

export function createQueues(connection: ConnectionOptions, indexPrefix: string) {
  const prefix = bullPrefix(indexPrefix);
  return {
    poll: new Queue<PollJobData>(POLL_QUEUE, {
      connection,
      prefix,
      defaultJobOptions: pollJobOptions,
    }),
    article: new Queue<ArticleJobData>(ARTICLE_QUEUE, {
      connection,
      prefix,
      defaultJobOptions: articleJobOptions,
    }),
  };
}

export type Queues = ReturnType<typeof createQueues>;

export function pollJobId(feedId: string): string {
  return `poll-${feedId}`;
}
