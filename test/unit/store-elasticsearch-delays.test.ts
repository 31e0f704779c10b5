import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ArticleDocument } from '../../src/core/document.js';
import { withDelays } from '../../src/store/elasticsearch/delays.js';
import { untagged } from '../support/documents.js';

const doc = (timeline: Partial<ArticleDocument>): ArticleDocument => ({
  id: 'a1',
  url: 'https://outlet.example/a1',
  title: 'Title',
  body: 'Body',
  authors: [],
  first_seen_at: '2026-06-01T10:00:00Z',
  fetched_at: '2026-06-01T10:00:10Z',
  feed_id: 'outlet',
  source: { domain: 'outlet.example' },
  ...untagged(),
  cites: [],
  content_hash: 'h1',
  tagger_version: 't1',
  ...timeline,
});

test('the delays come from the timestamps of the same write', () => {
  const stored = withDelays(doc({ published_at: '2026-06-01T09:30:00Z' }), '2026-06-01T10:00:42Z');
  assert.equal(stored.indexed_at, '2026-06-01T10:00:42Z');
  assert.deepEqual(stored.freshness, {
    published_to_first_seen_ms: 30 * 60_000,
    first_seen_to_indexed_ms: 42_000,
  });
});

test('undated: no publication delay; dated after first seen: a negative one, counted apart', () => {
  const at = '2026-06-01T10:01:00Z';
  assert.deepEqual(withDelays(doc({}), at).freshness, { first_seen_to_indexed_ms: 60_000 });
  const late = withDelays(doc({ published_at: '2026-06-01T10:05:00Z' }), at);
  assert.equal(late.freshness?.published_to_first_seen_ms, -5 * 60_000);
});

test('indexed before first seen (clock skew) is 0; a date without a zone is UTC, zones honoured', () => {
  const skewed = withDelays(
    doc({ published_at: '2026-06-01T11:00:00+02:00', first_seen_at: '2026-06-01T10:00:05' }),
    '2026-06-01T10:00:00.000Z',
  );
  assert.deepEqual(skewed.freshness, {
    published_to_first_seen_ms: 3_605_000,
    first_seen_to_indexed_ms: 0,
  });
});

test('a rewrite stamps both anew, as the embedded store reads its indexed_at', () => {
  const first = withDelays(doc({}), '2026-06-01T10:00:30Z');
  const rewritten = withDelays(first, '2026-06-03T08:00:00Z');
  assert.equal(
    rewritten.freshness?.first_seen_to_indexed_ms,
    Date.parse('2026-06-03T08:00:00Z') - Date.parse('2026-06-01T10:00:00Z'),
  );
});
