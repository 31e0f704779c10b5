import type { FeedConfig } from '../../core/feed-types.js';
import type { Logger } from '../../core/logger.js';
import type { RedisFeedStateStore } from '../../store/redis/feed-state.js';
import { pollJobId, type Queues } from './queues.js';

/** How often due feeds are looked for: a feed is polled at most this late. */
const TICK_MS = 2_000;
/** A claimed feed is not handed out again for this long unless its poll writes a sooner check. */
const CLAIM_LEASE_MS = 10 * 60_000;

export interface SchedulerDeps {
  feeds: FeedConfig[];
  feedState: RedisFeedStateStore;
  queues: Queues;
  logger: Logger;
}

/** Enqueues one poll job per due feed; the job id per feed means never two polls at once. */
export async function scheduleDueFeeds(deps: SchedulerDeps, now = new Date()): Promise<string[]> {
  const enabled = new Set(deps.feeds.filter((f) => f.enabled).map((f) => f.id));
  const due = (await deps.feedState.claimDue(now, CLAIM_LEASE_MS)).filter((id) => enabled.has(id));
  await deps.queues.poll.addBulk(
    due.map((feedId) => ({ name: 'poll', data: { feedId }, opts: { jobId: pollJobId(feedId) } })),
  );
  if (due.length > 0) deps.logger.debug({ feeds: due }, 'enqueued polls');
  return due;
}

/** Reconciles feed state with the config, then ticks until the signal aborts. */
export async function runScheduler(deps: SchedulerDeps, signal: AbortSignal): Promise<void> {
  await deps.feedState.reconcile(
    deps.feeds.map((f) => f.id),
    new Date(),
  );
  deps.logger.info({ feeds: deps.feeds.length }, 'scheduler started');
  while (!signal.aborted) {
    await scheduleDueFeeds(deps);
    await sleep(TICK_MS, signal);
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });
}
