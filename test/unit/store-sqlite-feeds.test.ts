import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FeedState } from '../../src/core/feed-types.js';
import { silentLogger } from '../../src/core/logger.js';
import type { FeedStateStore } from '../../src/core/store-types.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';

async function withFeeds(run: (feeds: FeedStateStore, dataDir: string) => Promise<void>) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'presswatch-feeds-'));
  const store = openSqliteStore({ dataDir, logger: silentLogger() });
  try {
    await run(store.feeds, dataDir);
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const full: FeedState = {
  feedId: 'rt-de',
  etag: 'W/"abc"',
  lastModified: 'Tue, 05 Mar 2024 10:00:00 GMT',
  bodyHash: 'sha256:00ff',
  lastAttemptAt: '2024-03-05T10:00:00.000Z',
  lastSuccessAt: '2024-03-05T09:00:00.000Z',
  lastStatus: 503,
  lastOutcome: 'failed',
  consecutiveFailures: 2,
  lastErrorCode: 'HTTP_503',
  lastError: 'HTTP 503 from https://de.rt.example/feed',
  itemsLastPoll: 40,
  newItemsLastPoll: 3,
  articlesIndexed: 7,
  articlesFailed: 1,
  nextCheckAt: '2024-03-05T10:15:00.000Z',
};

describe('sqlite feed state store', () => {
  test('put/get round trip keeps every field; optional fields stay absent', async () => {
    await withFeeds(async (feeds) => {
      const minimal: FeedState = {
        feedId: 'tass',
        consecutiveFailures: 0,
        articlesIndexed: 0,
        articlesFailed: 0,
        nextCheckAt: '2024-03-05T10:00:00.000Z',
      };
      await feeds.put(full);
      await feeds.put(minimal);
      assert.deepEqual(await feeds.get('rt-de'), full);
      assert.deepEqual(await feeds.get('tass'), minimal);
      assert.equal(await feeds.get('nope'), undefined);
      assert.deepEqual(
        (await feeds.list()).map((s) => s.feedId),
        ['rt-de', 'tass'],
      );
    });
  });

  test('due(now) returns feeds whose next check is at or before now, soonest first', async () => {
    await withFeeds(async (feeds) => {
      await feeds.put({ ...full, feedId: 'later', nextCheckAt: '2024-03-05T10:30:00.000Z' });
      await feeds.put({ ...full, feedId: 'exact', nextCheckAt: '2024-03-05T10:15:00.000Z' });
      await feeds.put({ ...full, feedId: 'early', nextCheckAt: '2024-03-05T11:00:00+02:00' });
      assert.deepEqual(await feeds.due(new Date('2024-03-05T10:15:00Z')), ['early', 'exact']);
      assert.deepEqual(await feeds.due(new Date('2024-03-05T08:00:00Z')), []);
    });
  });

  test('reconcile makes new feeds due now, keeps known ones, drops removed ones', async () => {
    await withFeeds(async (feeds) => {
      await feeds.put({ ...full, feedId: 'kept', nextCheckAt: '2030-01-01T00:00:00.000Z' });
      await feeds.put({ ...full, feedId: 'removed' });
      const now = new Date('2024-03-05T12:00:00.000Z');
      await feeds.reconcile(['kept', 'added'], now);
      assert.deepEqual(
        (await feeds.list()).map((s) => s.feedId),
        ['added', 'kept'],
      );
      assert.deepEqual(await feeds.get('added'), {
        feedId: 'added',
        consecutiveFailures: 0,
        articlesIndexed: 0,
        articlesFailed: 0,
        nextCheckAt: now.toISOString(),
      });
      assert.equal((await feeds.get('kept'))?.etag, full.etag);
      assert.deepEqual(await feeds.due(now), ['added']);
    });
  });

  test('countArticle increments once per call; a later put cannot overwrite the counts', async () => {
    await withFeeds(async (feeds) => {
      await feeds.reconcile(['f'], new Date('2024-03-05T12:00:00Z'));
      const stale = await feeds.get('f');
      await Promise.all([
        feeds.countArticle('f', 'indexed'),
        feeds.countArticle('f', 'indexed'),
        feeds.countArticle('f', 'failed'),
      ]);
      assert.ok(stale);
      await feeds.put({ ...stale, consecutiveFailures: 1 });
      const state = await feeds.get('f');
      assert.deepEqual([state?.articlesIndexed, state?.articlesFailed], [2, 1]);
      assert.equal(state?.consecutiveFailures, 1);
    });
  });

  test('state survives closing and reopening the file', async () => {
    await withFeeds(async (feeds, dataDir) => {
      await feeds.put(full);
      await feeds.countArticle('rt-de', 'indexed');
      const again = openSqliteStore({ dataDir, logger: silentLogger() });
      try {
        assert.equal((await again.feeds.get('rt-de'))?.articlesIndexed, 8);
      } finally {
        await again.close();
      }
    });
  });
});
