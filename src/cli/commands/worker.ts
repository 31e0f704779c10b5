import { Command } from 'commander';
import { once } from 'node:events';
import { UsageError } from '../../core/errors.js';
import {
  commandConfig,
  commandLogger,
  shutdownSignal,
  withRuntime,
  type ConfigOption,
} from '../context.js';
import { EXIT_OK, type CliCommand } from '../types.js';
import { startWorkers } from '../../workers/bullmq/workers.js';
import { startConfiguredMetrics } from '../../metrics/index.js';

export const workerCommand: CliCommand = {
  build: (io, run) =>
    new Command('worker')
      .description('scaled mode: process poll and article jobs until SIGTERM (needs REDIS_URL)')
      .option('--config <dir>', 'configuration directory (default $PRESSWATCH_CONFIG or ./config)')
      .action((options: ConfigOption) =>
        run(async () => {
          const config = commandConfig(options, io);
          if (!config.env.REDIS_URL)
            throw new UsageError('worker needs REDIS_URL; use `run` for the embedded default');
          await withRuntime(config, commandLogger(io), async (runtime) => {
            const signal = shutdownSignal(runtime.logger);
            const workers = startWorkers(runtime, config.feeds);
            const metrics = await startConfiguredMetrics(
              config.env,
              runtime.logger,
              workers.queues,
            );
            runtime.logger.info('worker started');
            if (!signal.aborted) await once(signal, 'abort');
            await metrics?.close();
            await workers.close();
          });
          return EXIT_OK;
        }),
      ),
};
