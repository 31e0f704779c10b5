import type { Queue } from 'bullmq';
import type { EnvConfig } from '../config/env.js';
import type { Logger } from '../core/logger.js';
import { pipelineMetrics } from './pipeline-metrics.js';
import { registerQueueDepths } from './queue-depth.js';
import { startMetricsServer, type MetricsServer } from './server.js';

export {
  pipelineMetrics,
  createPipelineMetrics,
  type PipelineMetrics,
} from './pipeline-metrics.js';
export { timedHttp, timedPutMany } from './timed.js';
export type { MetricsServer };

/**
 * Starts the /metrics endpoint when PRESSWATCH_METRICS_PORT is set (opt-in), on
 * PRESSWATCH_METRICS_HOST (loopback unless configured), with the depths of these queues.
 */
export async function startConfiguredMetrics(
  env: EnvConfig,
  logger: Logger,
  queues: Record<string, Queue>,
): Promise<MetricsServer | undefined> {
  if (env.PRESSWATCH_METRICS_PORT === undefined) return undefined;
  registerQueueDepths(pipelineMetrics, queues);
  const server = await startMetricsServer(
    pipelineMetrics.registry,
    env.PRESSWATCH_METRICS_PORT,
    env.PRESSWATCH_METRICS_HOST,
  );
  logger.info({ host: env.PRESSWATCH_METRICS_HOST, port: server.port }, 'metrics served');
  return server;
}
