import { DelayedError, Job } from 'bullmq';
import { HostBusyError } from '../../core/stage-errors.js';
import type { FeedConfig } from '../../core/feed-types.js';
import type { Logger } from '../../core/logger.js';
import { errorMessage, routeError } from '../../core/disposition.js';
import type { HandOff, PollOutcome } from '../../pipeline/poll-stage.js';
import type { ArticleTask } from '../../pipeline/article-task.js';
import type { ArticleJobData, PollJobData, Queues } from './queues.js';
import { pipelineMetrics } from '../../metrics/index.js';

export interface PollProcessorDeps {
  feeds: Map<string, FeedConfig>;
  poll: (feed: FeedConfig, handOff: HandOff) => Promise<PollOutcome>;
  queues: Queues;
  logger: Logger;
}

/**
 * A job that failed for good on a transient error (the outlet was down for minutes) would block
 * its id for as long as failed jobs are kept; remove it so this poll enqueues the article again.
 * Permanent failures (404, too large) stay, and their id keeps the article from being retried.
 */
async function releaseRetryable(queues: Queues, ids: string[]): Promise<void> {
  const jobs = await Promise.all(ids.map((id) => Job.fromId<ArticleJobData>(queues.article, id)));
  const stale = jobs.filter((job) => job?.data.gaveUp === 'retryable' && job.failedReason);
  await Promise.all(stale.map((job) => job!.remove()));
}

async function delayIfHostBusy(
  job: Job<PollJobData>,
  token: string | undefined,
  err: unknown,
): Promise<never> {
  if (!(err instanceof HostBusyError)) throw err;
  await job.moveToDelayed(Date.now() + err.waitMs, token);
  throw new DelayedError();
}

/** One article job per task, the document id as job id. */
async function enqueueArticles(queues: Queues, tasks: ArticleTask[]): Promise<void> {
  await releaseRetryable(
    queues,
    tasks.map((t) => t.id),
  );
  await queues.article.addBulk(
    tasks.map((task) => ({ name: 'article', data: task, opts: { jobId: task.id } })),
  );
}

export interface PollJobResult {
  feedId: string;
  ok: boolean;
  items: number;
  enqueued: string[];
  error?: { code: string; message: string };
}

/**
 * Polls one feed and enqueues its new articles with the document id as job id, so BullMQ
 * itself drops an article that is already waiting, running, or failed for good. Throws only
 * HostBusyError, when the feed's host asks for patience.
 */
export async function pollAndEnqueue(
  deps: PollProcessorDeps,
  feed: FeedConfig,
): Promise<PollJobResult> {
  const log = deps.logger.child({ feedId: feed.id });
  const outcome = await deps.poll(feed, (tasks) => enqueueArticles(deps.queues, tasks));
  if (!outcome.ok) {
    const error = { code: routeError(outcome.error).code, message: errorMessage(outcome.error) };
    log.warn(error, 'poll failed');
    pipelineMetrics.jobFinished('poll', { outcome: 'failed', reason: error.code });
    return { feedId: feed.id, ok: false, items: 0, enqueued: [], error };
  }
  const ids = outcome.tasks.map((t) => t.id);
  log.info({ items: outcome.items, enqueued: ids.length }, 'polled');
  pipelineMetrics.jobFinished('poll', { outcome: 'done' });
  return { feedId: feed.id, ok: true, items: outcome.items, enqueued: ids };
}

export function createPollProcessor(deps: PollProcessorDeps) {
  return async (job: Job<PollJobData>, token?: string): Promise<PollJobResult> => {
    const feed = deps.feeds.get(job.data.feedId);
    if (!feed) return { feedId: job.data.feedId, ok: false, items: 0, enqueued: [] };
    return pollAndEnqueue(deps, feed).catch((err: unknown) => delayIfHostBusy(job, token, err));
  };
}
