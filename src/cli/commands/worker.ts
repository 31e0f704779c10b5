import { once } from 'node:events';
import { startWorkers } from '../../workers/bullmq/workers.js';
import { startConfiguredMetrics } from '../../metrics/index.js';
import { scaledCommand } from '../scaled-command.js';

export const workerCommand = scaledCommand(
  'worker',
  'process poll and article jobs until SIGTERM',
  async (runtime, signal) => {
    const workers = startWorkers(runtime, runtime.config.feeds);
    const metrics = await startConfiguredMetrics(
      runtime.config.env,
      runtime.logger,
      workers.queues,
    );
    runtime.logger.info('worker started');
    if (!signal.aborted) await once(signal, 'abort');
    await metrics?.close();
    await workers.close();
  },
);
