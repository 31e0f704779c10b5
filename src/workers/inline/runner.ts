import pLimit from 'p-limit';
import { pipelineMetrics } from '../../metrics/index.js';
import type { FeedConfig } from '../../core/feed-types.js';
import { openPendingArticles } from '../../store/sqlite/pending-articles.js';
import type { ArticleTask } from '../../pipeline/article-task.js';
import type { PollOutcome } from '../../pipeline/poll-stage.js';
import type { Runtime } from '../runtime.js';
import { wireStages } from '../stages.js';
import { emptySummary, failureOf, type RunSummary } from '../summary.js';
import { waitForHost } from '../host-wait.js';
import { processArticleInline } from './process-article.js';

/** Feeds polled at once: each poll is one small request. */
const POLL_CONCURRENCY = 4;
/** SQLite commits are cheap; a short flush keeps jobs from waiting on the buffer. */
const BULK = { maxDocs: 100, maxBytes: 5 * 1024 * 1024, flushIntervalMs: 100 };

export interface ProgressListener {
  (summary: RunSummary): void;
}

/** The inline runner: the same stage functions in one process, no Redis. */
export function createInlineRunner(runtime: Runtime, onProgress: ProgressListener = () => {}) {
  const { env } = runtime.config;
  const pending = openPendingArticles({ dataDir: env.PRESSWATCH_DATA_DIR, logger: runtime.logger });
  const stages = wireStages(runtime, BULK);
  const { poll } = stages;
  const articleLimit = pLimit(env.PRESSWATCH_WORKER_CONCURRENCY);
  const deps = { article: stages.article, write: stages.write, feedState: runtime.feedState };

  /** Takes tasks to the end; each leaves the pending queue once stored or failed for good. */
  async function processTasks(tasks: ArticleTask[], summary: RunSummary): Promise<void> {
    summary.articles.new += tasks.length;
    onProgress(summary);
    await Promise.all(
      tasks.map((task) =>
        articleLimit(async () => {
          const failure = await processArticleInline(deps, task);
          await pending.settle(task.id);
          if (failure) summary.failures.push(failure);
          summary.articles[failure ? 'failed' : 'indexed'] += 1;
          onProgress(summary);
        }),
      ),
    );
  }

  async function processOutcome(outcome: PollOutcome, summary: RunSummary): Promise<void> {
    summary.feeds.polled += 1;
    if (outcome.ok) {
      pipelineMetrics.jobFinished('poll', { outcome: 'done' });
      return processTasks(outcome.tasks, summary);
    }
    summary.feeds.failed += 1;
    const failure = failureOf(outcome.feedId, outcome.error);
    summary.failures.push(failure);
    pipelineMetrics.jobFinished('poll', { outcome: 'failed', reason: failure.code });
    onProgress(summary);
  }

  /** Takes the articles a stopped run left pending, then polls these feeds once. */
  async function runFeeds(feeds: FeedConfig[]): Promise<RunSummary> {
    const summary = emptySummary();
    const pollLimit = pLimit(POLL_CONCURRENCY);
    // Leftovers first: polled at the same time, a leftover not yet stored would be fetched twice.
    await processTasks(await pending.list(), summary);
    await Promise.all(
      feeds.map((feed) =>
        pollLimit(async () =>
          processOutcome(await waitForHost(() => poll(feed, pending.add)), summary),
        ),
      ),
    );
    await stages.flush();
    return summary;
  }

  return {
    runFeeds,
    close: async () => {
      await stages.close();
      await pending.close();
    },
  };
}
