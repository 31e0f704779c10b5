import { Job, QueueEvents } from 'bullmq';
import type { FeedConfig } from '../../core/feed-types.js';
import type { Runtime } from '../runtime.js';
import { emptySummary, type RunSummary } from '../summary.js';
import type { PollJobResult } from './poll-processor.js';
import { bullPrefix, pollJobId, type Queues } from './queues.js';
import { startWorkers } from './workers.js';

/**
 * `run --once` on BullMQ: polls every enabled feed once and waits until every article those
 * polls enqueued is indexed or has failed for good, then stops the workers.
 */
export async function runOnceOnQueues(runtime: Runtime, feeds: FeedConfig[]): Promise<RunSummary> {
  const enabled = feeds.filter((f) => f.enabled);
  await runtime.feedState.reconcile(
    feeds.map((f) => f.id),
    new Date(),
  );
  const workers = startWorkers(runtime, feeds);
  const prefix = bullPrefix(runtime.config.env.PRESSWATCH_INDEX_PREFIX);
  const events = {
    poll: new QueueEvents('poll', { connection: runtime.redis!, prefix }),
    article: new QueueEvents('article', { connection: runtime.redis!, prefix }),
  };
  try {
    await Promise.all([events.poll.waitUntilReady(), events.article.waitUntilReady()]);
    const jobs = await Promise.all(enabled.map((f) => addPoll(workers.queues, f.id)));
    const polls: PollJobResult[] = [];
    for (const job of jobs) polls.push((await job.waitUntilFinished(events.poll)) as PollJobResult);
    return await collectArticles(workers.queues, events.article, polls);
  } finally {
    await Promise.all([events.poll.close(), events.article.close()]);
    await workers.close();
  }
}

function addPoll(queues: Queues, feedId: string) {
  return queues.poll.add('poll', { feedId }, { jobId: pollJobId(feedId) });
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
