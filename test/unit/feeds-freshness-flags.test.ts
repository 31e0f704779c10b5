import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DelayFigures, FeedFreshness } from '../../src/core/store-types.js';
import {
  departed,
  DISCOVERY_FLOOR_MS,
  freshnessFlags,
  INDEXING_FLOOR_MS,
  MIN_BASELINE_DELAYS,
  MIN_RECENT_DELAYS,
} from '../../src/feeds/freshness-flags.js';

const MINUTE = 60_000;
const FLOOR = 30 * MINUTE;

function delays(count: number, p50Ms: number): DelayFigures {
  return { count, p50Ms, p95Ms: 2 * p50Ms };
}

const usual = delays(MIN_BASELINE_DELAYS, 15 * MINUTE);

test('a median over three times the usual and over the floor departs', () => {
  assert.equal(departed(delays(MIN_RECENT_DELAYS, 46 * MINUTE), usual, FLOOR), true);
});

test('three times the usual exactly, or a rise below the floor, does not', () => {
  assert.equal(departed(delays(MIN_RECENT_DELAYS, 45 * MINUTE), usual, FLOOR), false);
  const fast = delays(MIN_BASELINE_DELAYS, 2 * MINUTE);
  assert.equal(departed(delays(MIN_RECENT_DELAYS, 29 * MINUTE), fast, FLOOR), false);
});

test('too few delays in either window give no verdict', () => {
  const slow = 10 * 15 * MINUTE;
  assert.equal(departed(delays(MIN_RECENT_DELAYS - 1, slow), usual, FLOOR), false);
  const young = delays(MIN_BASELINE_DELAYS - 1, 15 * MINUTE);
  assert.equal(departed(delays(MIN_RECENT_DELAYS, slow), young, FLOOR), false);
  assert.equal(departed(undefined, usual, FLOOR), false);
  assert.equal(departed(delays(MIN_RECENT_DELAYS, slow), undefined, FLOOR), false);
});

function freshness(discovery: DelayFigures, indexing: DelayFigures): FeedFreshness {
  const documents = Math.max(discovery.count, indexing.count);
  return {
    feedId: 'f',
    documents,
    publishedToFirstSeen: discovery,
    firstSeenToIndexed: indexing,
    undated: 0,
    datedAfterFirstSeen: 0,
  };
}

test('discovery and indexing are flagged each against its own history and floor', () => {
  const baseline = freshness(usual, delays(MIN_BASELINE_DELAYS, 20_000));
  const slowIndexing = freshness(
    delays(MIN_RECENT_DELAYS, 15 * MINUTE),
    delays(MIN_RECENT_DELAYS, INDEXING_FLOOR_MS),
  );
  assert.deepEqual(freshnessFlags(slowIndexing, baseline), {
    discoveryDelayed: false,
    indexingDelayed: true,
  });
  const slowDiscovery = freshness(
    delays(MIN_RECENT_DELAYS, 4 * DISCOVERY_FLOOR_MS),
    delays(MIN_RECENT_DELAYS, 20_000),
  );
  assert.deepEqual(freshnessFlags(slowDiscovery, baseline), {
    discoveryDelayed: true,
    indexingDelayed: false,
  });
  assert.deepEqual(freshnessFlags(undefined, baseline), {
    discoveryDelayed: false,
    indexingDelayed: false,
  });
});
