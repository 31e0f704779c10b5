import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { canonicalizeUrl, documentId } from '../../src/feeds/index.js';
import { createQueues, pollJobId } from '../../src/workers/bullmq/queues.js';
import type { RunSummary } from '../../src/workers/summary.js';
import { runCli, spawnCli } from '../support/cli.js';
import { startScenario, uniquePrefix, writeConfig, type Scenario } from '../support/e2e.js';
import { exitOf, waitFor } from '../support/wait.js';

const SLOW_PAGE = '/slow/articles/en/nato-summit-defence-spending.html';
const SLOW_FEED = { id: 'slow-en', path: '/feeds/slow-en.atom', language: 'en' };
/** BullMQ notices a dead worker's job when its 30 s lock runs out and a stalled check runs. */
const STALLED_PICKUP_MS = 120_000;

describe('the pipeline survives outages and dead workers', () => {
  let scenario: Scenario;
  const children: ChildProcess[] = [];

  before(async () => {
    scenario = await startScenario();
  });

  after(async () => {
    for (const child of children) child.kill('SIGKILL');
    await scenario.close();
  });

  async function setUp(label: string, feeds: { id: string; path: string; language?: string }[]) {
    const prefix = uniquePrefix(label);
    const env = scenario.env(prefix);
    const configDir = writeConfig(scenario.site.url, feeds);
    const setup = await runCli(['setup', '--config', configDir], env);
    assert.equal(setup.code, 0, setup.stderr);
    return { prefix, env, configDir, store: scenario.store(prefix) };
  }

  async function enqueuePoll(env: NodeJS.ProcessEnv, feedId: string): Promise<void> {
    const redis = new Redis(env.REDIS_URL!, { maxRetriesPerRequest: null });
    const queues = createQueues(redis, env.PRESSWATCH_INDEX_PREFIX!);
    await queues.poll.add('poll', { feedId }, { jobId: pollJobId(feedId) });
    await Promise.all([queues.poll.close(), queues.article.close()]);
    redis.disconnect();
  }

  function startWorker(env: NodeJS.ProcessEnv, configDir: string): ChildProcess {
    const child = spawnCli(['worker', '--config', configDir], env);
    children.push(child);
    return child;
  }

  const slowDocId = () => documentId(canonicalizeUrl(`${scenario.site.url}${SLOW_PAGE}`));

  test('Elasticsearch unreachable during a run: articles wait and are indexed once it is back', async () => {
    const feeds = [
      { id: 'wire-en', path: '/feeds/wire-en.atom', language: 'en' },
      { id: 'ru-mir', path: '/feeds/ru-mir.rdf', language: 'ru' },
    ];
    const { env, configDir, store } = await setUp('outage', feeds);
    await scenario.esProxy.block();
    const run = runCli(['run', '--once', '--json', '--config', configDir], env);
    await waitFor(
      'articles fetched during the outage',
      () => scenario.site.requests('/articles/ru/kazan-teatr-festival.html').length > 0,
      30_000,
    );
    await sleep(3_000);
    await scenario.esProxy.unblock();
    const result = await run;
    assert.equal(result.code, 0, result.stderr);
    const summary = JSON.parse(result.stdout) as RunSummary;
    assert.deepEqual(summary.articles, { new: 5, indexed: 5, failed: 0 });
    await store.refresh();
    assert.equal((await store.search({ limit: 100 })).total, 5);
    assert.equal(
      scenario.site.requests('/articles/ru/kazan-teatr-festival.html').length,
      1,
      'fetched once, not again after the outage',
    );
  });

  test('a worker killed mid-job: the job is taken up by another worker', async () => {
    const { env, configDir, store } = await setUp('killed', [SLOW_FEED]);
    const before = scenario.site.requests(SLOW_PAGE).length;
    const first = startWorker(env, configDir);
    await enqueuePoll(env, SLOW_FEED.id);
    await waitFor(
      'the first worker to fetch the slow page',
      () => scenario.site.requests(SLOW_PAGE).length > before,
      30_000,
    );
    first.kill('SIGKILL');
    assert.equal((await exitOf(first)).signal, 'SIGKILL');
    const second = startWorker(env, configDir);
    const doc = await waitFor(
      'the article to be indexed by the second worker',
      () => store.get(slowDocId()),
      STALLED_PICKUP_MS,
    );
    assert.equal(doc.feed_id, SLOW_FEED.id);
    assert.equal(scenario.site.requests(SLOW_PAGE).length, before + 2);
    second.kill('SIGTERM');
    assert.equal((await exitOf(second)).code, 0);
  });

  test('SIGTERM: the worker finishes the job in hand and flushes its writes before it exits', async () => {
    const { env, configDir, store } = await setUp('sigterm', [SLOW_FEED]);
    const before = scenario.site.requests(SLOW_PAGE).length;
    const worker = startWorker(env, configDir);
    await enqueuePoll(env, SLOW_FEED.id);
    await waitFor(
      'the worker to fetch the slow page',
      () => scenario.site.requests(SLOW_PAGE).length > before,
      30_000,
    );
    worker.kill('SIGTERM');
    assert.equal((await exitOf(worker)).code, 0);
    const doc = await store.get(slowDocId());
    assert.ok(doc, 'the article in hand was stored before the worker exited');
  });
});
