import pLimit from 'p-limit';
import { waitForHost } from '../host-wait.js';
import type { FeedConfig } from '../../core/feed-types.js';
import { BulkWriter } from '../../store/bulk-writer.js';
import { createArticleStage } from '../../pipeline/article-stage.js';
import { createPollStage, type PollOutcome } from '../../pipeline/poll-stage.js';
import { politeClient } from '../../pipeline/polite-get.js';
import type { Runtime } from '../runtime.js';
import { emptySummary, failureOf, type RunSummary } from '../summary.js';
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
  const http = politeClient(runtime.http, runtime.gate);
  const now = () => new Date();
  const poll = createPollStage({
    http,
    feedState: runtime.feedState,
    articles: runtime.articles,
    now,
  });
  const article = createArticleStage({ http, tagger: runtime.tagger, now });
  const writer = new BulkWriter((docs) => runtime.articles.putMany(docs), BULK);
  const articleLimit = pLimit(runtime.config.env.PRESSWATCH_WORKER_CONCURRENCY);
  const deps = {
    article,
    write: (d: Parameters<typeof writer.write>[0]) => writer.write(d),
    feedState: runtime.feedState,
  };

  async function processOutcome(outcome: PollOutcome, summary: RunSummary): Promise<void> {
    summary.feeds.polled += 1;
    if (!outcome.ok) {
      summary.feeds.failed += 1;
      summary.failures.push(failureOf(outcome.feedId, outcome.error));
      return onProgress(summary);
    }
    summary.articles.new += outcome.tasks.length;
    onProgress(summary);
    await Promise.all(
      outcome.tasks.map((task) =>
        articleLimit(async () => {
          const failure = await processArticleInline(deps, task);
          if (failure) summary.failures.push(failure);
          summary.articles[failure ? 'failed' : 'indexed'] += 1;
          onProgress(summary);
        }),
      ),
    );
  }

  /** Polls these feeds once and takes every new article to the end. */
  async function runFeeds(feeds: FeedConfig[]): Promise<RunSummary> {
    const summary = emptySummary();
    const pollLimit = pLimit(POLL_CONCURRENCY);
    await Promise.all(
      feeds.map((feed) =>
        pollLimit(async () => processOutcome(await waitForHost(() => poll(feed)), summary)),
      ),
    );
    await writer.flush();
    return summary;
  }

  return { runFeeds, close: () => writer.close() };
}
