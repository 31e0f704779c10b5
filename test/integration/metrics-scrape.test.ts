import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { ArticleDocument } from '../../src/core/document.js';
import { silentLogger } from '../../src/core/logger.js';
import { NoArticleTextError } from '../../src/core/stage-errors.js';
import { loadEnv } from '../../src/config/env.js';
import { startConfiguredMetrics } from '../../src/metrics/index.js';
import { createArticleProcessor } from '../../src/workers/bullmq/article-processor.js';
import { ARTICLE_QUEUE, bullPrefix, createQueues } from '../../src/workers/bullmq/queues.js';
import type { FeedStateStore } from '../../src/core/store-types.js';
import type { ArticleTask } from '../../src/pipeline/article-task.js';
import { requireServices } from '../support/services.js';
import { waitFor } from '../support/wait.js';

const { redisUrl } = requireServices();
const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
const indexPrefix = `pw-metrics-${randomBytes(4).toString('hex')}`;
const queues = createQueues(connection, indexPrefix);
const FIRST_SEEN = new Date(Date.now() - 90_000).toISOString();
/** Published ten minutes before the feed listed it. */
const PUBLISHED = new Date(Date.parse(FIRST_SEEN) - 600_000).toISOString();

function documentOf(task: ArticleTask): ArticleDocument {
  if (task.url.endsWith('/empty')) throw new NoArticleTextError('no article text');
  return {
    ...{ id: task.id, url: task.url, title: 't', body: 'b', authors: [], feed_id: task.feedId },
    ...{ published_at: PUBLISHED, first_seen_at: task.firstSeenAt, fetched_at: FIRST_SEEN },
    ...{ source: { domain: 'news.example' }, topics: [], countries: [], country_mentions: [] },
    ...{ actors: [], pairs: [], cites: [], content_hash: 'h', tagger_version: 'v' },
    topic_evidence: { topics: {}, countries: {}, actors: {}, pairs: {} },
  };
}

const counted: string[] = [];
const feedState = {
  countArticle: async (_feed: string, outcome: string) => void counted.push(outcome),
} as unknown as FeedStateStore;
const worker = new Worker(
  ARTICLE_QUEUE,
  createArticleProcessor({
    article: async (task) => documentOf(task),
    write: async () => {},
    feedState,
    logger: silentLogger(),
  }),
  { connection, prefix: bullPrefix(indexPrefix) },
);
const env = loadEnv({ PRESSWATCH_INDEX_PREFIX: indexPrefix, PRESSWATCH_METRICS_PORT: '0' });
const server = await startConfiguredMetrics(env, silentLogger(), queues);
after(async () => {
  await server?.close();
  await worker.close();
  await Promise.all([
    queues.poll.obliterate({ force: true }),
    queues.article.obliterate({ force: true }),
  ]);
  await Promise.all([queues.poll.close(), queues.article.close()]);
  await connection.quit();
});

function task(id: string, path: string): ArticleTask {
  const url = `https://news.example${path}`;
  return {
    id,
    url,
    feedId: 'metrics-feed',
    source: {},
    firstSeenAt: FIRST_SEEN,
    item: { authors: [] },
  };
}

async function scrape(): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${server!.port}/metrics`);
  assert.equal(response.status, 200);
  return response.text();
}

test('after one job done and one failed, /metrics reports them, the freshness and the queue', async () => {
  await queues.article.add('article', task('ok', '/ok'), { jobId: 'ok' });
  await queues.article.add('article', task('bad', '/empty'), { jobId: 'bad' });
  await waitFor('both jobs finished', () => counted.length === 2 || undefined, 20_000);
  const text = await scrape();
  assert.match(text, /presswatch_jobs_total\{queue="article",outcome="done",reason=""\} 1/);
  assert.match(
    text,
    /presswatch_jobs_total\{queue="article",outcome="failed",reason="NO_ARTICLE_TEXT"\} 1/,
  );
  assert.match(
    text,
    /presswatch_freshness_seconds_bucket\{le="900",feed="metrics-feed",stage="published_to_first_seen"\} 1/,
  );
  assert.match(
    text,
    /presswatch_freshness_seconds_bucket\{le="60",feed="metrics-feed",stage="first_seen_to_indexed"\} 0/,
  );
  assert.match(
    text,
    /presswatch_freshness_seconds_count\{feed="metrics-feed",stage="first_seen_to_indexed"\} 1/,
  );
  assert.match(text, /presswatch_queue_jobs\{queue="article",state="failed"\} 1/);
  assert.match(text, /presswatch_queue_jobs\{queue="poll",state="waiting"\} 0/);
});

test('the metrics server answers only /metrics, on loopback by default', async () => {
  assert.equal(env.PRESSWATCH_METRICS_HOST, '127.0.0.1');
  assert.equal((await fetch(`http://127.0.0.1:${server!.port}/other`)).status, 404);
});
