import { Gauge } from 'prom-client';
import type { Queue } from 'bullmq';
import type { PipelineMetrics } from './pipeline-metrics.js';

/** The job states an operator watches: work piling up, waiting on backoff, or failed for good. */
const STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

/** Reports the BullMQ queues' job counts at every scrape, read from Redis then. */
export function registerQueueDepths(metrics: PipelineMetrics, queues: Record<string, Queue>): void {
  // A second start in one process (tests) replaces the queues rather than failing on the name.
  metrics.registry.removeSingleMetric('presswatch_queue_jobs');
  new Gauge({
    name: 'presswatch_queue_jobs',
    help: 'Jobs in each BullMQ queue by state, read at scrape time',
    labelNames: ['queue', 'state'] as const,
    registers: [metrics.registry],
    async collect() {
      for (const [name, queue] of Object.entries(queues)) {
        const counts = await queue.getJobCounts(...STATES);
        for (const state of STATES) this.set({ queue: name, state }, counts[state] ?? 0);
      }
    },
  });
}
