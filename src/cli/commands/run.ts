import { Command } from 'commander';
import {
  commandConfig,
  commandLogger,
  shutdownSignal,
  withRuntime,
  type ConfigOption,
} from '../context.js';
import { EXIT_FAILURE, EXIT_OK, type CliCommand } from '../types.js';
import { writeJsonLine } from '../output.js';
import { printSummary } from '../summary-output.js';
import { runOnceOnQueues } from '../../workers/bullmq/run-once.js';
import { startWorkers } from '../../workers/bullmq/workers.js';
import { runScheduler } from '../../workers/bullmq/scheduler.js';
import { createInlineRunner, type ProgressListener } from '../../workers/inline/runner.js';
import { progressLine } from '../progress.js';
import { runInlineLoop } from '../../workers/inline/loop.js';
import type { Runtime } from '../../workers/runtime.js';
import { startConfiguredMetrics } from '../../metrics/index.js';
import { RedisFeedStateStore } from '../../store/redis/feed-state.js';
import type { RunSummary } from '../../workers/summary.js';

interface RunOptions extends ConfigOption {
  once?: boolean;
  json?: boolean;
}

async function runOnce(runtime: Runtime, progress: ProgressListener): Promise<RunSummary> {
  const feeds = runtime.config.feeds;
  if (runtime.redis) return runOnceOnQueues(runtime, feeds);
  const runner = createInlineRunner(runtime, progress);
  await runtime.feedState.reconcile(
    feeds.map((f) => f.id),
    new Date(),
  );
  try {
    return await runner.runFeeds(feeds.filter((f) => f.enabled));
  } finally {
    await runner.close();
  }
}

/**
 * A run succeeds when it went through: single failed articles or feeds are reported in the
 * summary and recorded on their feeds, but only a run in which no feed could be polled fails.
 */
function runSucceeded(summary: RunSummary): boolean {
  return summary.feeds.polled === 0 || summary.feeds.failed < summary.feeds.polled;
}

/** Scheduler and workers in one process until SIGTERM/SIGINT. */
async function runForever(runtime: Runtime): Promise<void> {
  const signal = shutdownSignal(runtime.logger);
  const { feeds, env } = runtime.config;
  if (!runtime.redis) {
    const metrics = await startConfiguredMetrics(env, runtime.logger, {});
    await runInlineLoop(runtime, feeds, signal);
    return metrics?.close();
  }
  const workers = startWorkers(runtime, feeds);
  const metrics = await startConfiguredMetrics(env, runtime.logger, workers.queues);
  const feedState = runtime.feedState as RedisFeedStateStore;
  await runScheduler({ feeds, feedState, queues: workers.queues, logger: runtime.logger }, signal);
  await metrics?.close();
  await workers.close();
}

export const runCommand: CliCommand = {
  build: (io, run) =>
    new Command('run')
      .description('scheduler and workers in one process; --once polls every feed once and exits')
      .option('--once', 'poll every enabled feed once, process every new article, print a summary')
      .option('--config <dir>', 'configuration directory (default $PRESSWATCH_CONFIG or ./config)')
      .option('--json', 'print the summary as one JSON line')
      .action((options: RunOptions) =>
        run(async () => {
          const config = commandConfig(options, io);
          const logger = commandLogger(io);
          if (!options.once) {
            await withRuntime(config, logger, runForever);
            return EXIT_OK;
          }
          // On a terminal a live line on stderr; elsewhere the JSON log lines say what happened.
          const progress = progressLine(io.stderr);
          const summary = await withRuntime(config, logger, (runtime) =>
            runOnce(runtime, (s) => progress.update(s)),
          );
          progress.done(summary);
          if (options.json) writeJsonLine(io.stdout, summary);
          else printSummary(io.stdout, summary);
          return runSucceeded(summary) ? EXIT_OK : EXIT_FAILURE;
        }, options),
      ),
};
