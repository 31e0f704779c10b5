import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { silentLogger } from '../../src/core/logger.js';
import { createElasticsearchStore } from '../../src/store/elasticsearch/index.js';
import { summarizeFreshness } from '../../src/store/freshness.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import { uniquePrefix } from '../support/e2e.js';
import {
  dropIndex,
  seedElasticsearch,
  seedEmbedded,
  timelineAgo,
  timelineDocs,
  type TimelineSpec,
} from '../support/freshness-docs.js';
import { requireServices } from '../support/services.js';

const UNTIL = Date.parse('2026-06-01T12:00:00Z');
const SINCE = UNTIL - 24 * 3_600_000;

/** Delays spread like a real feed's, from a seeded sequence so every run is the same. */
function spread(feedId: string, count: number, seed: number): TimelineSpec[] {
  return Array.from({ length: count }, (_, i) =>
    timelineAgo(feedId, UNTIL, {
      minutesAgo: 5 + ((i * 37 + seed) % 1400),
      discovery: (i * i * 7 + seed) % 180,
      indexing: ((i * 13 + seed) % 50) / 10,
    }),
  );
}

const edge = (spec: Partial<TimelineSpec>): TimelineSpec => ({
  ...timelineAgo('edges', UNTIL, { minutesAgo: 60, discovery: 5, indexing: 1 }),
  ...spec,
});

const SPECS: TimelineSpec[] = [
  ...spread('busy', 150, 3),
  ...spread('sparse', 3, 5),
  edge({ publishedAt: undefined }),
  edge({ publishedAt: '2026-06-01T11:30:00Z', firstSeenAt: '2026-06-01T11:00:00Z' }),
  // The same instants as 09:00Z and 10:00Z, written with a zone: compared as instants.
  edge({ publishedAt: '2026-06-01T11:00:00+02:00', firstSeenAt: '2026-06-01T12:00:00+02:00' }),
  // Indexed 5 s before it was first seen: clock skew between machines.
  edge({
    publishedAt: '2026-06-01T09:55:00Z',
    firstSeenAt: '2026-06-01T10:00:05Z',
    indexedAt: '2026-06-01T10:00:00Z',
  }),
  edge({
    publishedAt: new Date(SINCE - 60_000).toISOString(),
    firstSeenAt: new Date(SINCE).toISOString(),
  }),
  // Outside the window: a millisecond before it, and at its exclusive end.
  edge({ feedId: 'outside', firstSeenAt: new Date(SINCE - 1).toISOString() }),
  edge({ feedId: 'outside', firstSeenAt: new Date(UNTIL).toISOString() }),
];

function expected() {
  const inWindow = SPECS.filter((s) => {
    const seen = Date.parse(s.firstSeenAt);
    return seen >= SINCE && seen < UNTIL;
  });
  const ms = (iso?: string) => (iso === undefined ? undefined : Date.parse(iso));
  return summarizeFreshness(
    inWindow.map((s) => ({
      feedId: s.feedId,
      publishedMs: ms(s.publishedAt),
      firstSeenMs: Date.parse(s.firstSeenAt),
      indexedMs: ms(s.indexedAt),
    })),
  );
}

describe('freshness: the embedded store and Elasticsearch give the same figures', () => {
  const { elasticsearchUrl } = requireServices();
  const prefix = uniquePrefix('freshness');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pw-freshness-'));
  const docs = timelineDocs(SPECS);

  before(async () => {
    await seedEmbedded(dataDir, docs);
    await seedElasticsearch(elasticsearchUrl, prefix, docs);
  });

  after(async () => {
    await dropIndex(elasticsearchUrl, prefix);
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('both stores agree with the figures computed from the known timelines', async () => {
    const sqlite = openSqliteStore({ dataDir, logger: silentLogger() });
    const elasticsearch = createElasticsearchStore({
      node: elasticsearchUrl,
      indexPrefix: prefix,
      logger: silentLogger(),
    });
    const window = [new Date(SINCE).toISOString(), new Date(UNTIL).toISOString()] as const;
    try {
      const embedded = await sqlite.articles.freshness(...window);
      const scaled = await elasticsearch.freshness(...window);
      const want = expected();
      assert.deepEqual(embedded, want);
      assert.deepEqual(scaled, want);
      assert.deepEqual(
        want.map((f) => [f.feedId, f.documents]),
        [
          ['busy', 150],
          ['edges', 5],
          ['sparse', 3],
        ],
      );
      const edges = want.find((f) => f.feedId === 'edges')!;
      assert.equal(edges.undated, 1);
      assert.equal(edges.datedAfterFirstSeen, 1);
    } finally {
      await sqlite.close();
      await elasticsearch.close();
    }
  });
});
