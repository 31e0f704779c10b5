import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ArticleDocument } from '../../src/core/document.js';
import { StoreUnavailableError } from '../../src/core/stage-errors.js';
import { createPipelineMetrics, timedPutMany } from '../../src/metrics/index.js';

const SEEN = '2026-03-03T10:00:00Z';

function doc(published_at: string | undefined): ArticleDocument {
  return { feed_id: 'f', first_seen_at: SEEN, published_at } as ArticleDocument;
}

test('freshness: both delays per feed; a publication date after the sighting is skipped', async () => {
  const metrics = createPipelineMetrics();
  metrics.articleIndexed(doc('2026-03-03T09:50:00Z'), new Date('2026-03-03T10:00:30Z'));
  metrics.articleIndexed(doc('2026-03-03T11:00:00Z'), new Date('2026-03-03T10:00:30Z'));
  const text = await metrics.registry.metrics();
  assert.match(
    text,
    /presswatch_freshness_seconds_sum\{feed="f",stage="published_to_first_seen"\} 600\n/,
  );
  assert.match(
    text,
    /presswatch_freshness_seconds_count\{feed="f",stage="published_to_first_seen"\} 1\n/,
  );
  assert.match(
    text,
    /presswatch_freshness_seconds_sum\{feed="f",stage="first_seen_to_indexed"\} 60\n/,
  );
});

test('a failed bulk write is timed with its error code and rethrown', async () => {
  const metrics = createPipelineMetrics();
  const failing = timedPutMany(async () => {
    throw new StoreUnavailableError('down');
  }, metrics);
  await assert.rejects(failing([doc(undefined), doc(undefined)]), StoreUnavailableError);
  const text = await metrics.registry.metrics();
  assert.match(text, /presswatch_bulk_duration_seconds_count\{result="STORE_UNAVAILABLE"\} 1\n/);
  assert.match(text, /presswatch_bulk_documents_total 2\n/);
});
