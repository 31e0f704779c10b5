import { createQueues } from '../../workers/bullmq/queues.js';
import { runScheduler } from '../../workers/bullmq/scheduler.js';
import { startConfiguredMetrics } from '../../metrics/index.js';
import { RedisFeedStateStore } from '../../store/redis/feed-state.js';
import { scaledCommand } from '../scaled-command.js';

export const schedulerCommand = scaledCommand(
  'scheduler',
  'enqueue a poll job for every due feed',
  async (runtime, signal) => {
    const { env, feeds } = runtime.config;
    const queues = createQueues(runtime.redis!, env.PRESSWATCH_INDEX_PREFIX);
    const feedState = runtime.feedState as RedisFeedStateStore;
    const metrics = await startConfiguredMetrics(env, runtime.logger, queues);
    await runScheduler({ feeds, feedState, queues, logger: runtime.logger }, signal);
    await metrics?.close();
    await Promise.all([queues.poll.close(), queues.article.close()]);
  },
);
