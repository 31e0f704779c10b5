import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import type { ArticleDocument } from '../../core/document.js';
import type { FeedStateStore } from '../../core/store-types.js';
import { errorMessage, routeError } from '../../core/disposition.js';
import { StoreUnavailableError } from '../../core/stage-errors.js';
import type { Logger } from '../../core/logger.js';
import type { ArticleTask } from '../../pipeline/article-task.js';
import type { ArticleJobData } from './queues.js';
import { retryDelayMs } from '../backoff.js';
import { pipelineMetrics } from '../../metrics/index.js';

export interface ArticleProcessorDeps {
  article: (task: ArticleTask) => Promise<ArticleDocument>;
  write: (doc: ArticleDocument) => Promise<void>;
  feedState: FeedStateStore;
  logger: Logger;
}

/** The failure BullMQ records as the job's failedReason: code first, for grouping. */
export class JobFailure extends Error {
  constructor(code: string, cause: unknown) {
    super(`${code}: ${errorMessage(cause)}`, { cause });
    this.name = 'JobFailure';
  }
}

/**
 * Runs one article job and routes its failure: waits (host busy, store down) do not use up an
 * attempt, transient failures retry with backoff, permanent ones fail at once. The feed's
 * failure counter moves exactly once, on the job's final failure.
 */
export function createArticleProcessor(deps: ArticleProcessorDeps) {
  return async (job: Job<ArticleJobData>, token?: string): Promise<{ id: string }> => {
    const log = deps.logger.child({ jobId: job.id, feedId: job.data.feedId, url: job.data.url });
    let doc = job.data.doc;
    try {
      doc ??= await deps.article(job.data);
      await deps.write(doc);
    } catch (err) {
      return routeFailure(job, token, err, doc, deps, log);
    }
    await deps.feedState.countArticle(job.data.feedId, 'indexed');
    pipelineMetrics.jobFinished('article', { outcome: 'done' });
    pipelineMetrics.articleIndexed(doc, new Date());
    log.debug('indexed');
    return { id: doc.id };
  };
}

async function routeFailure(
  job: Job<ArticleJobData>,
  token: string | undefined,
  err: unknown,
  doc: ArticleDocument | undefined,
  deps: ArticleProcessorDeps,
  log: Logger,
): Promise<never> {
  const routing = routeError(err);
  if (routing.code === 'HOST_BUSY' || err instanceof StoreUnavailableError) {
    await waitWithoutAttempt(job, token, err, doc);
    log.debug({ code: routing.code }, 'delayed');
    throw new DelayedError();
  }
  const final =
    routing.disposition === 'permanent' || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
  log.warn({ code: routing.code, err: errorMessage(err), final }, 'article failed');
  if (!final) throw new JobFailure(routing.code, err);
  if (routing.disposition !== 'permanent')
    await job.updateData({ ...job.data, gaveUp: 'retryable' });
  await deps.feedState.countArticle(job.data.feedId, 'failed');
  pipelineMetrics.jobFinished('article', { outcome: 'failed', reason: routing.code });
  throw new UnrecoverableError(new JobFailure(routing.code, err).message);
}

/** How many store-outage waits in a row: drives the wait's backoff, capped by retryDelayMs. */
async function waitWithoutAttempt(
  job: Job<ArticleJobData>,
  token: string | undefined,
  err: unknown,
  doc: ArticleDocument | undefined,
): Promise<void> {
  const waits = (job.data.waits ?? 0) + 1;
  await job.updateData({ ...job.data, doc, waits });
  // Up to 250 ms apart, so that jobs told to wait together do not all return at one instant.
  const jitterMs = Math.floor(Math.random() * 250);
  await job.moveToDelayed(Date.now() + retryDelayMs(waits, err) + jitterMs, token);
}
