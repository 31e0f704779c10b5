import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  adaptiveIntervalMs,
  hourActivity,
  logNewItems,
  medianGapMs,
  mergePublished,
  newItemsSince,
  volumeDropped,
} from '../../src/feeds/index.js';
import { feedStatuses } from '../../src/cli/commands/feeds/status.js';
import type { FeedState } from '../../src/core/feed-types.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const now = new Date('2024-06-05T12:00:00Z');
const item = (ms: number) => ({
  published_at: new Date(ms).toISOString(),
  authors: [],
  enclosures: [],
});
/** `count` dates `gap` apart, the last at `end`. */
const every = (gap: number, count: number, end = now.getTime()) =>
  Array.from({ length: count }, (_, i) => end - (count - 1 - i) * gap);

describe('publishing history', () => {
  test('keeps distinct dates in order, drops far-future ones, bounded to 100', () => {
    const history = mergePublished(
      every(HOUR, 3),
      [item(now.getTime()), item(now.getTime() + DAY)],
      now,
    );
    assert.equal(history.length, 3);
    assert.equal(mergePublished([], every(MINUTE, 150).map(item), now).length, 100);
  });
  test('median gap needs four dates', () => {
    assert.equal(medianGapMs(every(HOUR, 3)), undefined);
    assert.equal(medianGapMs([0, HOUR, 2 * HOUR, 10 * HOUR]), HOUR);
  });
  test('new items are counted per hour and summed over the last 24 h', () => {
    let log = logNewItems([], 3, new Date(now.getTime() - 2 * DAY));
    log = logNewItems(log, 2, now);
    log = logNewItems(log, 1, now);
    assert.deepEqual(log.at(-1), [now.getTime(), 3]);
    assert.equal(newItemsSince(log, now.getTime() - DAY), 3);
  });
  test('a sharp drop against the feed’s own days is flagged, a steady feed is not', () => {
    const steady = every(HOUR, 24 * 6).map((at) => [at, 1] as [number, number]);
    assert.equal(volumeDropped(steady, now), false);
    const silent = steady.filter(([at]) => at < now.getTime() - DAY);
    assert.equal(volumeDropped(silent, now), true);
    assert.equal(volumeDropped(silent.slice(-48), now), false, 'two days are too few to judge');
  });
});

describe('adaptiveIntervalMs', () => {
  const bounds = { intervalMs: 15 * MINUTE };
  test('uses the configured interval until the feed has dates', () => {
    assert.equal(adaptiveIntervalMs(bounds, [], now), 15 * MINUTE);
  });
  test('is half the median gap within the default bounds', () => {
    assert.equal(adaptiveIntervalMs(bounds, every(HOUR, 10), now), 30 * MINUTE);
    assert.equal(adaptiveIntervalMs(bounds, every(MINUTE, 10), now), 15 * MINUTE);
    assert.equal(adaptiveIntervalMs(bounds, every(DAY, 10), now), 4 * HOUR);
  });
  test('per-feed bounds win, and a short configured interval lowers the floor', () => {
    assert.equal(adaptiveIntervalMs({ ...bounds, maxIntervalMs: HOUR }, every(DAY, 10), now), HOUR);
    assert.equal(
      adaptiveIntervalMs({ ...bounds, minIntervalMs: 2 * MINUTE }, every(MINUTE, 10), now),
      2 * MINUTE,
    );
    assert.equal(
      adaptiveIntervalMs({ intervalMs: 5 * MINUTE }, every(MINUTE, 10), now),
      5 * MINUTE,
    );
  });
  test('a sparse feed is polled sparsely from its first dates', () => {
    assert.equal(adaptiveIntervalMs(bounds, [now.getTime() - 3 * DAY], now), 4 * HOUR);
  });
  test('hours the feed is usually silent stretch the interval', () => {
    // Three days of one item every 20 min from 08:00 to 18:00 UTC, nothing at night.
    const days = [2, 1, 0].flatMap((d) =>
      every(20 * MINUTE, 31, Date.parse('2024-06-05T18:00:00Z') - d * DAY),
    );
    const night = new Date('2024-06-05T23:00:00Z');
    const noon = new Date('2024-06-05T12:00:00Z');
    assert.ok(hourActivity(days, night) < 0.5);
    assert.equal(hourActivity(days, noon), 1);
    assert.ok(adaptiveIntervalMs(bounds, days, night) > 2 * adaptiveIntervalMs(bounds, days, noon));
  });
});

test('feeds status reports 24 h volume, median publishing interval and the drop flag', () => {
  const state: FeedState = {
    feedId: 'a',
    consecutiveFailures: 0,
    articlesIndexed: 0,
    articlesFailed: 0,
    lastAttemptAt: now.toISOString(),
    nextCheckAt: now.toISOString(),
    publishedHistory: every(HOUR, 10),
    newItemLog: every(HOUR, 24 * 6)
      .filter((at) => at < now.getTime() - DAY)
      .map((at) => [at, 1]),
  };
  const [status] = feedStatuses(
    [{ id: 'a', url: 'https://a.example/rss', intervalMs: HOUR, enabled: true }],
    [state],
    now,
  );
  assert.equal(status?.medianPublishingIntervalMs, HOUR);
  assert.equal(status?.newItemsLast24h, 0);
  assert.equal(status?.volumeDropped, true);
  assert.equal(status?.state && 'publishedHistory' in status.state, false);
});
