import { test } from 'node:test';
import assert from 'node:assert/strict';
import { delayFigures, percentile, summarizeFreshness } from '../../src/store/freshness.js';

const MINUTE = 60_000;
const SEEN = Date.parse('2026-06-01T12:00:00Z');

test('percentiles interpolate linearly between the closest ranks, to the millisecond', () => {
  assert.equal(percentile([10], 0.95), 10);
  assert.equal(percentile([10, 20], 0.5), 15);
  assert.equal(percentile([1000, 2000, 3000, 4000], 0.5), 2500);
  assert.equal(percentile([1, 2], 0.5), 2, 'half a millisecond rounds up');
  // rank 0.95 × 19 = 18.05: 5 % of the way from the 19th value (19) to the 20th (1000).
  const twenty = [...Array.from({ length: 19 }, (_, i) => i + 1), 1000];
  assert.equal(percentile(twenty, 0.95), Math.round(19 + 0.05 * 981));
});

test('delay figures sort their input and are absent without delays', () => {
  assert.deepEqual(delayFigures([30, 10, 20]), { count: 3, p50Ms: 20, p95Ms: 29 });
  assert.equal(delayFigures([]), undefined);
});

test('per feed: undated and future-dated articles counted apart, skewed indexing as 0', () => {
  const figures = summarizeFreshness([
    { feedId: 'b', publishedMs: SEEN - 10 * MINUTE, firstSeenMs: SEEN, indexedMs: SEEN + MINUTE },
    { feedId: 'a', firstSeenMs: SEEN, indexedMs: SEEN + 2 * MINUTE },
    { feedId: 'a', publishedMs: SEEN + MINUTE, firstSeenMs: SEEN, indexedMs: SEEN - 5_000 },
    { feedId: 'a', publishedMs: SEEN - 4 * MINUTE, firstSeenMs: SEEN },
  ]);
  assert.deepEqual(figures, [
    {
      feedId: 'a',
      documents: 3,
      publishedToFirstSeen: { count: 1, p50Ms: 4 * MINUTE, p95Ms: 4 * MINUTE },
      firstSeenToIndexed: { count: 2, p50Ms: MINUTE, p95Ms: 0.95 * 2 * MINUTE },
      undated: 1,
      datedAfterFirstSeen: 1,
    },
    {
      feedId: 'b',
      documents: 1,
      publishedToFirstSeen: { count: 1, p50Ms: 10 * MINUTE, p95Ms: 10 * MINUTE },
      firstSeenToIndexed: { count: 1, p50Ms: MINUTE, p95Ms: MINUTE },
      undated: 0,
      datedAfterFirstSeen: 0,
    },
  ]);
});

test('a publication at the very moment of the first sighting is a delay of 0, not future-dated', () => {
  const [figures] = summarizeFreshness([{ feedId: 'a', publishedMs: SEEN, firstSeenMs: SEEN }]);
  assert.equal(figures?.publishedToFirstSeen?.p50Ms, 0);
  assert.equal(figures?.datedAfterFirstSeen, 0);
  assert.equal(figures?.firstSeenToIndexed, undefined);
});
