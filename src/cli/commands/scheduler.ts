import { Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import {
  commandConfig,
  commandLogger,
  shutdownSignal,
  withRuntime,
  type ConfigOption,
} from '../context.js';
import { EXIT_OK, type CliCommand } from '../types.js';
import { createQueues } from '../../workers/bullmq/queues.js';
import { runScheduler } from '../../workers/bullmq/scheduler.js';
import { startConfiguredMetrics } from '../../metrics/index.js';
import { RedisFeedStateStore } from '../../store/redis/feed-state.js';

export const schedulerCommand: CliCommand = {
  build: (io, run) =>
    new Command('scheduler')
      .description('scaled mode: enqueue a poll job for every due feed (needs REDIS_URL)')
      .option('--config <dir>', 'configuration directory (default $PRESSWATCH_CONFIG or ./config)')
      .action((options: ConfigOption) =>
        run(async () => {
          const config = commandConfig(options, io);
          if (!config.env.REDIS_URL)
            throw new UsageError('scheduler needs REDIS_URL; use `run` for the embedded default');
          await withRuntime(config, commandLogger(io), async (runtime) => {
            const queues = createQueues(runtime.redis!, config.env.PRESSWATCH_INDEX_PREFIX);
            const feedState = runtime.feedState as RedisFeedStateStore;
            const signal = shutdownSignal(runtime.logger);
            const metrics = await startConfiguredMetrics(config.env, runtime.logger, queues);
            await runScheduler(
              { feeds: config.feeds, feedState, queues, logger: runtime.logger },
              signal,
            );
            await metrics?.close();
            await Promise.all([queues.poll.close(), queues.article.close()]);
          });
          return EXIT_OK;
        }),
      ),
};
