import { Counter, Histogram, Registry } from 'prom-client';
import type { ArticleDocument } from '../core/document.js';

/** Job outcomes: `done`, or `failed` with the error's stable code as the reason. */
export type JobOutcome = { outcome: 'done' } | { outcome: 'failed'; reason: string };

/**
 * Feeds list an article from minutes to a day after publication; operators care whether it is
 * five minutes or an hour. Seconds, as Prometheus expects.
 */
const FRESHNESS_BUCKETS = [30, 60, 300, 900, 1800, 3600, 7200, 21_600, 86_400];
/** Page and feed fetches: from a fast CDN hit to the client's 30 s timeout. */
const FETCH_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
/** Bulk requests: a few ms into SQLite, up to seconds into a busy Elasticsearch. */
const BULK_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

function counter<L extends string>(registry: Registry, name: string, help: string, labels: L[]) {
  return new Counter<L>({ name, help, labelNames: labels, registers: [registry] });
}

function histogram<L extends string>(
  registry: Registry,
  [name, help]: [string, string],
  labels: L[],
  buckets: number[],
) {
  return new Histogram<L>({ name, help, labelNames: labels, buckets, registers: [registry] });
}

function instruments(registry: Registry) {
  const jobsHelp =
    'Jobs finished, by queue, outcome and reason (the error code of a final failure)';
  return {
    jobs: counter(registry, 'presswatch_jobs_total', jobsHelp, ['queue', 'outcome', 'reason']),
    fetch: histogram(
      registry,
      ['presswatch_fetch_duration_seconds', 'HTTP fetches of feeds and pages, by result'],
      ['result'],
      FETCH_BUCKETS,
    ),
    bulk: histogram(
      registry,
      ['presswatch_bulk_duration_seconds', 'Bulk writes to the article store, by result'],
      ['result'],
      BULK_BUCKETS,
    ),
    bulkDocs: counter(registry, 'presswatch_bulk_documents_total', 'Documents sent in bulk', []),
    freshness: histogram(
      registry,
      [
        'presswatch_freshness_seconds',
        'Per feed: publication to first seen, first seen to indexed',
      ],
      ['feed', 'stage'],
      FRESHNESS_BUCKETS,
    ),
  };
}

/** Everything workers and the scheduler record, in one registry the metrics server exposes. */
export function createPipelineMetrics(registry = new Registry()) {
  const { jobs, fetch, bulk, bulkDocs, freshness } = instruments(registry);
  return {
    registry,
    jobFinished(queue: 'poll' | 'article', job: JobOutcome) {
      jobs.inc({ queue, outcome: job.outcome, reason: job.outcome === 'failed' ? job.reason : '' });
    },
    fetchTimer: () => fetch.startTimer(),
    bulkTimer(docs: number) {
      bulkDocs.inc(docs);
      return bulk.startTimer();
    },
    articleIndexed(doc: ArticleDocument, indexedAt: Date) {
      recordFreshness(freshness, doc, indexedAt);
    },
  };
}

export type PipelineMetrics = ReturnType<typeof createPipelineMetrics>;

function recordFreshness(
  freshness: Histogram<'feed' | 'stage'>,
  doc: ArticleDocument,
  indexedAt: Date,
): void {
  const seen = Date.parse(doc.first_seen_at);
  const published = doc.published_at === undefined ? NaN : Date.parse(doc.published_at);
  // A publication date in the future of the sighting is an outlet's clock or time zone error.
  if (published <= seen) {
    freshness.observe(
      { feed: doc.feed_id, stage: 'published_to_first_seen' },
      (seen - published) / 1000,
    );
  }
  if (!Number.isNaN(seen)) {
    const delay = Math.max(0, indexedAt.getTime() - seen) / 1000;
    freshness.observe({ feed: doc.feed_id, stage: 'first_seen_to_indexed' }, delay);
  }
}

/** The process's metrics: recording costs little, and only a started server exposes them. */
export const pipelineMetrics = createPipelineMetrics();
