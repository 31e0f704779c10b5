import { setTimeout as sleep } from 'node:timers/promises';
import type { ArticleDocument } from '../../core/document.js';
import type { FeedStateStore } from '../../core/store-types.js';
import { routeError } from '../../core/disposition.js';
import type { ArticleTask } from '../../pipeline/article-task.js';
import { retryDelayMs } from '../backoff.js';
import { ARTICLE_ATTEMPTS } from '../bullmq/queues.js';
import { failureOf, type Failure } from '../summary.js';
import { pipelineMetrics } from '../../metrics/index.js';

export interface InlineArticleDeps {
  article: (task: ArticleTask) => Promise<ArticleDocument>;
  write: (doc: ArticleDocument) => Promise<void>;
  feedState: FeedStateStore;
  signal?: AbortSignal;
}

/**
 * The article job of the inline runner, routed as the BullMQ one is: waits for a busy host or
 * store do not use up attempts, transient failures retry with backoff, permanent ones stop.
 */
export async function processArticleInline(
  deps: InlineArticleDeps,
  task: ArticleTask,
): Promise<Failure | undefined> {
  let doc: ArticleDocument | undefined;
  let attempt = 1;
  for (let waits = 1; ; waits += 1) {
    try {
      doc ??= await deps.article(task);
      await deps.write(doc);
      await deps.feedState.countArticle(task.feedId, 'indexed');
      pipelineMetrics.jobFinished('article', { outcome: 'done' });
      pipelineMetrics.articleIndexed(doc, new Date());
      return undefined;
    } catch (err) {
      const routing = routeError(err);
      const waitOnly = routing.code === 'HOST_BUSY' || routing.code === 'STORE_UNAVAILABLE';
      const final =
        routing.disposition === 'permanent' || (!waitOnly && attempt >= ARTICLE_ATTEMPTS);
      if (final || deps.signal?.aborted) return recordFailure(deps, task, err);
      await sleep(retryDelayMs(waitOnly ? waits : attempt, err));
      if (!waitOnly) attempt += 1;
    }
  }
}

async function recordFailure(
  deps: InlineArticleDeps,
  task: ArticleTask,
  err: unknown,
): Promise<Failure> {
  await deps.feedState.countArticle(task.feedId, 'failed');
  pipelineMetrics.jobFinished('article', { outcome: 'failed', reason: routeError(err).code });
  return failureOf(task.feedId, err, task.url);
}
