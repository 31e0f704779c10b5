import { Job, QueueEvents } from 'bullmq';
import type { FeedConfig } from '../../core/feed-types.js';
import type { Runtime } from '../runtime.js';
import { emptySummary, type RunSummary } from '../summary.js';
import { pollAndEnqueue, type PollJobResult } from './poll-processor.js';
import { waitForHost } from '../host-wait.js';
import pLimit from 'p-limit';
import { bullPrefix, type Queues } from './queues.js';
import { startWorkers } from './workers.js';

/** Feeds polled at once, as by the poll worker. */
const POLL_CONCURRENCY = 4;

/**
 * `run --once` on BullMQ: polls every enabled feed once in this process (through the same
 * poll-and-enqueue step as the poll worker), waits until every article those polls enqueued is
 * indexed or has failed for good on the workers, then stops them.
 */
export async function runOnceOnQueues(runtime: Runtime, feeds: FeedConfig[]): Promise<RunSummary> {
  await runtime.feedState.reconcile(
    feeds.map((f) => f.id),
    new Date(),
  );
  const workers = startWorkers(runtime, feeds);
  const prefix = bullPrefix(runtime.config.env.PRESSWATCH_INDEX_PREFIX);
  const events = new QueueEvents('article', { connection: runtime.redis!, prefix });
  try {
    await events.waitUntilReady();
    const limit = pLimit(POLL_CONCURRENCY);
    const polls = await Promise.all(
      feeds
        .filter((f) => f.enabled)
        .map((feed) => limit(() => waitForHost(() => pollAndEnqueue(workers.pollDeps, feed)))),
    );
    return await collectArticles(workers.queues, events, polls);
  } finally {
    await events.close();
    await workers.close();
  }
}

async function collectArticles(
  queues: Queues,
  events: QueueEvents,
  polls: PollJobResult[],
): Promise<RunSummary> {
  const summary = emptySummary();
  for (const poll of polls) {
    summary.feeds.polled += 1;
    if (!poll.ok) {
      summary.feeds.failed += 1;
      if (poll.error) summary.failures.push({ feedId: poll.feedId, ...poll.error });
    }
  }
  // One at a time: the jobs run in parallel anyway, and each wait holds a listener on the queue.
  for (const id of polls.flatMap((p) => p.enqueued)) {
    const outcome = await settle(queues, events, id);
    summary.articles.new += 1;
    if (outcome.ok) summary.articles.indexed += 1;
    else {
      summary.articles.failed += 1;
      summary.failures.push(outcome.failure);
    }
  }
  return summary;
}

type Settled = { ok: true } | { ok: false; failure: RunSummary['failures'][number] };

async function settle(queues: Queues, events: QueueEvents, id: string): Promise<Settled> {
  const job = await Job.fromId(queues.article, id);
  if (!job) return { ok: true };
  try {
    await job.waitUntilFinished(events);
    return { ok: true };
  } catch (err) {
    const [code, ...rest] = (err instanceof Error ? err.message : String(err)).split(': ');
    const failure = {
      feedId: job.data.feedId,
      url: job.data.url,
      code: code ?? 'UNEXPECTED',
      message: rest.join(': '),
    };
    return { ok: false, failure };
  }
}
