import { Worker, type Job } from 'bullmq';
import type { FeedConfig } from '../../core/feed-types.js';
import type { Runtime } from '../runtime.js';
import { wireStages } from '../stages.js';
import { retryDelayMs } from '../backoff.js';
import { createArticleProcessor } from './article-processor.js';
import { createPollProcessor, type PollProcessorDeps } from './poll-processor.js';
import { ARTICLE_QUEUE, bullPrefix, createQueues, POLL_QUEUE, type Queues } from './queues.js';

/** Polls are one small request each; a few at once keep many feeds moving. */
const POLL_CONCURRENCY = 4;
/** A bulk request every 250 ms or 100 documents: jobs wait for their write, so keep it short. */
const BULK = { maxDocs: 100, maxBytes: 5 * 1024 * 1024, flushIntervalMs: 250 };

export interface RunningWorkers {
  queues: Queues;
  /** What a poll needs, for `run --once`, which polls in process rather than through the queue. */
  pollDeps: PollProcessorDeps;
  close(): Promise<void>;
}

/** Starts a poll and an article worker in this process, sharing one bulk writer. */
export function startWorkers(runtime: Runtime, feeds: FeedConfig[]): RunningWorkers {
  const connection = runtime.redis!;
  const prefix = bullPrefix(runtime.config.env.PRESSWATCH_INDEX_PREFIX);
  const queues = createQueues(connection, runtime.config.env.PRESSWATCH_INDEX_PREFIX);
  const stages = wireStages(runtime, BULK);
  const { poll, article } = stages;
  const feedMap = new Map(feeds.map((f) => [f.id, f]));
  const logger = runtime.logger;
  const pollDeps: PollProcessorDeps = { feeds: feedMap, poll, queues, logger };
  const pollWorker = new Worker(POLL_QUEUE, createPollProcessor(pollDeps), {
    connection,
    prefix,
    concurrency: POLL_CONCURRENCY,
  });
  const articleWorker = new Worker(
    ARTICLE_QUEUE,
    createArticleProcessor({
      article,
      write: stages.write,
      feedState: runtime.feedState,
      logger,
    }),
    {
      connection,
      prefix,
      concurrency: runtime.config.env.PRESSWATCH_WORKER_CONCURRENCY,
      settings: {
        backoffStrategy: (attempts: number, _t?: string, err?: Error) =>
          retryDelayMs(attempts, err?.cause ?? err),
      },
    },
  );
  for (const worker of [pollWorker, articleWorker]) {
    worker.on('error', (err) => logger.error({ err }, 'worker error'));
  }
  return {
    queues,
    pollDeps,
    async close() {
      await Promise.all([pollWorker.close(), articleWorker.close()]);
      await stages.close();
      await Promise.all([queues.poll.close(), queues.article.close()]);
    },
  };
}

export type { Job };
