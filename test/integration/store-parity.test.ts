import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from '@elastic/elasticsearch';
import { generateArticles } from '../../bench/search-data.js';
import { silentLogger } from '../../src/core/logger.js';
import type { ArticleStore, HistogramInterval, SearchQuery } from '../../src/core/store-types.js';
import { createElasticsearchStore } from '../../src/store/elasticsearch/index.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/index.js';
import { uniquePrefix } from '../support/e2e.js';
import { requireServices } from '../support/services.js';

const DOCS = [...generateArticles(400, 7)];
const ALL = 1_000;
/** A page as the CLI shows it: the order must agree too, not just the set. */
const PAGE = 20;

/** Filters and texts whose answers must be identical on both stores. */
const QUERIES: Record<string, Omit<SearchQuery, 'limit'>> = {
  everything: {},
  topic: { topic: 'sanctions' },
  country: { country: 'RU' },
  pair: { pair: 'CN-RU' },
  feed: { feed: 'feed-3' },
  language: { language: 'ru' },
  'date range, bare dates inclusive': { from: '2025-03-01', to: '2025-03-31' },
  'filters together': { topic: 'sanctions', country: 'DE', from: '2025-06-01' },
  'an English word': { text: 'Brussels' },
  'two words, both required': { text: 'gas Brussels' },
  'a German word with an umlaut': { text: 'Türkei' },
  'Cyrillic in capitals': { text: 'САНКЦИИ' },
  'text and a topic': { text: 'Beijing', topic: 'military-alliance' },
  'text, every tag kind and dates': {
    ...{ text: 'Beijing', topic: 'sanctions', country: 'CN', pair: 'CN-RU' },
    ...{ from: '2025-02-01', to: '2026-10-31' },
  },
  'only punctuation, with a topic': { text: '--', topic: 'sanctions' },
  'nothing matches': { text: 'zzyzx' },
};

describe('the embedded store and Elasticsearch agree on the same documents', () => {
  const { elasticsearchUrl } = requireServices();
  const prefix = uniquePrefix('parity');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pw-parity-'));
  const elasticsearch = createElasticsearchStore({
    node: elasticsearchUrl,
    indexPrefix: prefix,
    logger: silentLogger(),
  });
  let sqlite: SqliteStore;

  before(async () => {
    sqlite = openSqliteStore({ dataDir, logger: silentLogger() });
    await elasticsearch.setup();
    for (const store of [sqlite.articles, elasticsearch] as ArticleStore[]) {
      const outcomes = await store.putMany(DOCS);
      assert.ok(outcomes.every((o) => o.ok));
      await store.refresh();
    }
  });

  after(async () => {
    const admin = new Client({ node: elasticsearchUrl });
    await admin.indices.delete({ index: elasticsearch.names.firstIndex });
    await admin.close();
    await elasticsearch.close();
    await sqlite.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  for (const [name, fields] of Object.entries(QUERIES)) {
    test(`search: ${name}`, async () => {
      const [embedded, scaled] = await Promise.all(
        [sqlite.articles, elasticsearch].map((s) => s.search({ ...fields, limit: ALL })),
      );
      assert.equal(embedded!.total, scaled!.total);
      const ids = (hits: { id: string }[]) => hits.map((h) => h.id);
      assert.deepEqual(ids(embedded!.hits).sort(), ids(scaled!.hits).sort());
      assert.deepEqual(ids(embedded!.hits.slice(0, PAGE)), ids(scaled!.hits.slice(0, PAGE)));
    });
  }

  for (const interval of ['day', 'week', 'month'] as HistogramInterval[]) {
    for (const [name, fields] of Object.entries(QUERIES)) {
      test(`histogram by ${interval}, per topic: ${name}`, async () => {
        const [embedded, scaled] = await Promise.all(
          [sqlite.articles, elasticsearch].map((s) =>
            s.histogram({ ...fields, limit: 0 }, interval, { byTopic: true }),
          ),
        );
        assert.deepEqual(embedded, scaled);
      });
    }
  }

  test('a histogram without per-topic counts carries none', async () => {
    const [embedded, scaled] = await Promise.all(
      [sqlite.articles, elasticsearch].map((s) => s.histogram({ limit: 0 }, 'month')),
    );
    assert.deepEqual(embedded, scaled);
    assert.ok(embedded!.every((b) => b.topics === undefined));
  });

  test('scanning gives every document once, in the same order', async () => {
    const scanIds = async (store: ArticleStore, since?: string) => {
      const ids: string[] = [];
      for await (const batch of store.scan({ since, batchSize: 37 }))
        ids.push(...batch.map((d) => d.id));
      return ids;
    };
    const embedded = await scanIds(sqlite.articles);
    assert.equal(new Set(embedded).size, DOCS.length);
    assert.deepEqual(embedded, await scanIds(elasticsearch));
    assert.deepEqual(
      await scanIds(sqlite.articles, '2026-01-01'),
      await scanIds(elasticsearch, '2026-01-01'),
    );
  });
});
