import type { HttpClient } from '../core/http-types.js';
import type { PutMany } from '../store/bulk-writer.js';
import { PresswatchError } from '../core/errors.js';
import { pipelineMetrics } from './pipeline-metrics.js';

function resultOf(err: unknown): string {
  return err instanceof PresswatchError ? err.code : 'UNKNOWN';
}

async function timed<T>(
  end: (labels: { result: string }) => number,
  work: () => Promise<T>,
): Promise<T> {
  try {
    const value = await work();
    end({ result: 'ok' });
    return value;
  } catch (err) {
    end({ result: resultOf(err) });
    throw err;
  }
}

/** The HTTP client, with every fetch's latency recorded. */
export function timedHttp<C extends HttpClient>(client: C, metrics = pipelineMetrics): C {
  return { ...client, get: (request) => timed(metrics.fetchTimer(), () => client.get(request)) };
}

/** A bulk write, with its latency and size recorded. */
export function timedPutMany(putMany: PutMany, metrics = pipelineMetrics): PutMany {
  return (docs) => timed(metrics.bulkTimer(docs.length), () => putMany(docs));
}
