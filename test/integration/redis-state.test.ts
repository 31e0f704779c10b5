import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { RedisFeedStateStore } from '../../src/store/redis/feed-state.js';
import { createRedisHostGate } from '../../src/politeness/redis-gate.js';
import { HostBusyError } from '../../src/core/stage-errors.js';
import { initialState } from '../../src/pipeline/feed-health.js';
import { requireServices } from '../support/services.js';

const redis = new Redis(requireServices().redisUrl);
const prefix = `pw-test-${randomBytes(4).toString('hex')}`;
after(() => redis.quit());

test('feed state: reconcile, due, claim, counters exactly once per call', async () => {
  const store = new RedisFeedStateStore(redis, prefix);
  const now = new Date('2026-11-27T10:00:00Z');
  await store.reconcile(['a', 'b'], now);
  assert.deepEqual((await store.due(now)).sort(), ['a', 'b']);
  await store.put({
    ...initialState('a', now),
    nextCheckAt: new Date(now.getTime() + 60_000).toISOString(),
    etag: '"x"',
  });
  assert.deepEqual(await store.due(now), ['b']);
  assert.deepEqual(await store.claimDue(now, 600_000), ['b']);
  assert.deepEqual(
    await store.claimDue(now, 600_000),
    [],
    'a claimed feed is not handed out twice',
  );
  await Promise.all([
    store.countArticle('a', 'indexed'),
    store.countArticle('a', 'indexed'),
    store.countArticle('a', 'failed'),
  ]);
  const a = await store.get('a');
  assert.deepEqual([a?.etag, a?.articlesIndexed, a?.articlesFailed], ['"x"', 2, 1]);
  await store.reconcile(['a'], now);
  assert.deepEqual(
    (await store.list()).map((s) => s.feedId),
    ['a'],
    'a removed feed is dropped',
  );
});

test('the Redis host gate is shared: a second client sees the first one’s gap and cap', async () => {
  const other = new Redis(requireServices().redisUrl);
  try {
    const gateA = createRedisHostGate(redis, prefix, { minGapMs: 60_000, maxConcurrent: 1 });
    const gateB = createRedisHostGate(other, prefix, { minGapMs: 60_000, maxConcurrent: 1 });
    const release = await gateA.acquire('news.example');
    await assert.rejects(
      gateB.acquire('news.example'),
      (err: HostBusyError) => err.waitMs > 59_000,
    );
    await gateB.acquire('other.example');
    await release();
    const noGap = createRedisHostGate(other, `${prefix}-2`, { minGapMs: 0, maxConcurrent: 1 });
    const held = await noGap.acquire('news.example');
    await assert.rejects(noGap.acquire('news.example'), HostBusyError, 'cap of one in flight');
    await held();
    await (
      await noGap.acquire('news.example')
    )();
  } finally {
    other.disconnect();
  }
});
