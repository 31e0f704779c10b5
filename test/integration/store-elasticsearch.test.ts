import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client } from '@elastic/elasticsearch';
import type { ArticleDocument } from '../../src/core/document.js';
import { silentLogger } from '../../src/core/logger.js';
import { DocumentRejectedError, StoreUnavailableError } from '../../src/core/stage-errors.js';
import type { SearchQuery } from '../../src/core/store-types.js';
import { BulkWriter } from '../../src/store/bulk-writer.js';
import { bulkIndex } from '../../src/store/elasticsearch/bulk.js';
import {
  createElasticsearchStore,
  type ElasticsearchStore,
} from '../../src/store/elasticsearch/index.js';
import { requireServices } from '../support/services.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';
import { untagged } from '../support/documents.js';

const { elasticsearchUrl } = requireServices();
// Unique per run, so reruns and parallel runs never see each other's documents.
const prefix = `pwtest-${Date.now().toString(36)}-${process.pid}`;
const admin = new Client({ node: elasticsearchUrl });

function article(id: string, fields: Partial<ArticleDocument> = {}): ArticleDocument {
  return {
    id,
    url: `https://news.example/${id}`,
    title: `Title ${id}`,
    body: `Body of ${id}`,
    authors: ['A. Writer'],
    published_at: '2024-01-01T08:00:00Z',
    first_seen_at: '2024-01-01T09:00:00Z',
    fetched_at: '2024-01-01T09:00:05Z',
    language: 'en',
    feed_id: 'misc',
    source: { name: 'Example News', domain: 'news.example', country: 'GB' },
    ...untagged(),
    cites: [],
    content_hash: `hash-${id}`,
    tagger_version: '1',
    ...fields,
  };
}

function storeAt(node: string): ElasticsearchStore {
  return createElasticsearchStore({ node, indexPrefix: prefix, logger: silentLogger() });
}

async function storeAll(target: ElasticsearchStore, docs: ArticleDocument[]): Promise<void> {
  const outcomes = await target.putMany(docs);
  assert.deepEqual(
    outcomes,
    docs.map((d) => ({ id: d.id, ok: true })),
  );
  await target.refresh();
}

async function ids(target: ElasticsearchStore, query: Partial<SearchQuery>): Promise<string[]> {
  return (await target.search({ limit: 50, ...query })).hits.map((hit) => hit.id);
}

const store = storeAt(elasticsearchUrl);

before(() => store.setup());

after(async () => {
  await store.close();
  const indices = await admin.indices.get({ index: `${prefix}-articles-*` });
  // Deleting by wildcard is refused (action.destructive_requires_name): name each index.
  for (const index of Object.keys(indices)) await admin.indices.delete({ index });
  await admin.indices.deleteIndexTemplate({ name: store.names.template });
  await admin.close();
});

describe('Elasticsearch store: setup and writes', () => {
  test('setup twice leaves one template, one index and one write alias', async () => {
    await store.setup();
    const templates = await admin.indices.getIndexTemplate({ name: `${prefix}-*` });
    assert.deepEqual(
      templates.index_templates.map((t) => t.name),
      [store.names.template],
    );
    const aliases = await admin.indices.getAlias({ name: store.names.alias });
    assert.deepEqual(Object.keys(aliases), [store.names.firstIndex]);
    assert.equal(aliases[store.names.firstIndex]?.aliases[store.names.alias]?.is_write_index, true);
  });

  test('storing the same id twice leaves one document, the later one', async () => {
    await storeAll(store, [article('twice', { feed_id: 'twice' })]);
    await storeAll(store, [article('twice', { feed_id: 'twice', title: 'Updated' })]);
    const result = await store.search({ feed: 'twice', limit: 10 });
    assert.equal(result.total, 1);
    const stored = await store.get('twice');
    assert.equal(stored?.title, 'Updated');
    assert.ok(stored?.indexed_at && !Number.isNaN(Date.parse(stored.indexed_at)));
  });

  test('existing and get see documents before a refresh', async () => {
    assert.deepEqual(await store.putMany([article('fresh')]), [{ id: 'fresh', ok: true }]);
    assert.deepEqual(await store.existing(['fresh', 'never-stored']), new Set(['fresh']));
    assert.equal((await store.get('fresh'))?.url, 'https://news.example/fresh');
    assert.equal(await store.get('never-stored'), undefined);
  });

  test('a mapping error rejects that document only', async () => {
    const bad = article('bad-date', { published_at: 'yesterday-ish' });
    const unknownField = { ...article('bad-field'), sentiment: 0.4 } as ArticleDocument;
    const outcomes = await store.putMany([article('good'), bad, unknownField]);
    assert.deepEqual(outcomes[0], { id: 'good', ok: true });
    for (const [i, id] of [[1, 'bad-date'] as const, [2, 'bad-field'] as const]) {
      const outcome = outcomes[i];
      assert.equal(outcome?.id, id);
      assert.ok(outcome && !outcome.ok && outcome.error instanceof DocumentRejectedError);
    }
    assert.deepEqual(await store.existing(['good', 'bad-date', 'bad-field']), new Set(['good']));
  });
});

describe('Elasticsearch store: search', () => {
  const feed = 'search';
  before(() =>
    storeAll(store, [
      article('s1', {
        feed_id: feed,
        title: 'NATO summit in Vilnius',
        topics: ['security'],
        countries: ['LT'],
        pairs: ['LT-RU'],
        published_at: '2024-05-01T10:00:00Z',
      }),
      article('s2', {
        feed_id: feed,
        title: 'Grain deal talks resume',
        topics: ['trade'],
        countries: ['TR'],
        pairs: ['RU-TR'],
        published_at: '2024-05-10T10:00:00Z',
      }),
      article('s3', {
        feed_id: feed,
        language: 'de',
        title: 'Neues Militärbündnis im Osten',
        body: 'Das Militärbündnis wurde am Montag gegründet.',
        countries: ['DE'],
        published_at: '2024-05-05T00:00:00Z',
      }),
      article('s4', {
        feed_id: feed,
        language: 'ru',
        title: 'Новый союз',
        body: 'Военный союз между Россией и Китаем.',
        countries: ['RU'],
        pairs: ['CN-RU'],
        published_at: '2024-05-07T23:30:00Z',
      }),
    ]),
  );

  test('newest first, total counted beyond the limit', async () => {
    assert.deepEqual(await ids(store, { feed }), ['s2', 's4', 's3', 's1']);
    const limited = await store.search({ feed, limit: 2 });
    assert.equal(limited.total, 4);
    assert.deepEqual(
      limited.hits.map((h) => h.id),
      ['s2', 's4'],
    );
  });

  test('by text, topic, country, pair, language', async () => {
    assert.deepEqual(await ids(store, { feed, text: 'summit' }), ['s1']);
    assert.deepEqual(await ids(store, { feed, topic: 'trade' }), ['s2']);
    assert.deepEqual(await ids(store, { feed, country: 'RU' }), ['s4']);
    assert.deepEqual(await ids(store, { feed, pair: 'CN-RU' }), ['s4']);
    assert.deepEqual(await ids(store, { feed, language: 'de' }), ['s3']);
  });

  test('German and Cyrillic text is searchable', async () => {
    assert.deepEqual(await ids(store, { feed, text: 'Militärbündnis' }), ['s3']);
    assert.deepEqual(await ids(store, { feed, text: 'союз' }), ['s4']);
  });

  test('date range bounds are inclusive days', async () => {
    assert.deepEqual(await ids(store, { feed, from: '2024-05-05', to: '2024-05-07' }), [
      's4',
      's3',
    ]);
    assert.deepEqual(await ids(store, { feed, from: '2024-05-08' }), ['s2']);
  });
});

describe('Elasticsearch store: histogram', () => {
  const feed = 'histogram';
  before(() =>
    storeAll(
      store,
      // 2024-03-04 is a Monday.
      [
        '2024-03-04T10:00:00Z',
        '2024-03-06T10:00:00Z',
        '2024-03-10T23:00:00Z',
        '2024-03-11T01:00:00Z',
        '2024-04-02T10:00:00Z',
      ].map((published_at, i) => article(`h${i}`, { feed_id: feed, published_at })),
    ),
  );

  test('days, empty ones included within the bounds', async () => {
    const query = { feed, from: '2024-03-03', to: '2024-03-06', limit: 0 };
    assert.deepEqual(await store.histogram(query, 'day'), [
      { bucket: '2024-03-03', count: 0 },
      { bucket: '2024-03-04', count: 1 },
      { bucket: '2024-03-05', count: 0 },
      { bucket: '2024-03-06', count: 1 },
    ]);
  });

  test('weeks start on Monday', async () => {
    assert.deepEqual(await store.histogram({ feed, limit: 0 }, 'week'), [
      { bucket: '2024-03-04', count: 3 },
      { bucket: '2024-03-11', count: 1 },
      { bucket: '2024-03-18', count: 0 },
      { bucket: '2024-03-25', count: 0 },
      { bucket: '2024-04-01', count: 1 },
    ]);
  });

  test('months', async () => {
    assert.deepEqual(await store.histogram({ feed, limit: 0 }, 'month'), [
      { bucket: '2024-03-01', count: 4 },
      { bucket: '2024-04-01', count: 1 },
    ]);
  });
});

describe('Elasticsearch store: refused items', () => {
  // The flood-stage disk block makes Elasticsearch refuse every write to the index with 429.
  const setWriteBlock = (blocked: boolean) =>
    admin.indices.putSettings({
      index: store.names.firstIndex,
      settings: { 'index.blocks.read_only_allow_delete': blocked ? true : null },
    });
  const target = () => ({ client: admin, alias: store.names.alias, node: elasticsearchUrl });
  after(() => setWriteBlock(false));

  test('items answered 429 are retried, then reported as StoreUnavailableError', async () => {
    await setWriteBlock(true);
    const pauses: number[] = [];
    const outcomes = await bulkIndex(target(), [article('blocked')], async (ms) => pauses.push(ms));
    assert.equal(pauses.length, 2, 'three attempts in all');
    const outcome = outcomes[0];
    assert.ok(outcome && !outcome.ok && outcome.error instanceof StoreUnavailableError);
    assert.equal(outcome.error.context.status, 429);
  });

  test('an item refused with 429 is stored once the block lifts', async () => {
    await setWriteBlock(true);
    const liftDuringPause = async () => setWriteBlock(false);
    const outcomes = await bulkIndex(target(), [article('unblocked')], liftDuringPause);
    assert.deepEqual(outcomes, [{ id: 'unblocked', ok: true }]);
  });
});

describe('Elasticsearch store: outages and the bulk writer', () => {
  let proxy: TcpProxy;
  let proxied: ElasticsearchStore;
  before(async () => {
    proxy = await startTcpProxy(new URL(elasticsearchUrl));
    proxied = storeAt(proxy.url);
  });
  after(async () => {
    await proxied.close();
    await proxy.close();
  });

  test('unreachable Elasticsearch gives StoreUnavailableError, then writes resume', async () => {
    await storeAll(proxied, [article('before-outage')]);
    await proxy.block();
    await assert.rejects(proxied.putMany([article('during-outage')]), StoreUnavailableError);
    await assert.rejects(proxied.search({ limit: 1 }), StoreUnavailableError);
    await proxy.unblock();
    await storeAll(proxied, [article('during-outage')]);
    assert.deepEqual(await store.existing(['during-outage']), new Set(['during-outage']));
  });

  test('the bulk writer settles each write by its own outcome', async () => {
    const writer = new BulkWriter((docs) => store.putMany(docs), {
      maxDocs: 3,
      maxBytes: 1024 * 1024,
      flushIntervalMs: 50,
    });
    const good = ['w1', 'w2', 'w3', 'w4'].map((id) =>
      writer.write(article(id, { feed_id: 'writer' })),
    );
    const bad = writer.write(article('w-bad', { feed_id: 'writer', fetched_at: 'not a date' }));
    await Promise.all(good);
    await assert.rejects(bad, DocumentRejectedError);
    await writer.close();
    await store.refresh();
    assert.deepEqual((await ids(store, { feed: 'writer' })).sort(), ['w1', 'w2', 'w3', 'w4']);
  });

  test('the bulk writer rejects writes with StoreUnavailableError during an outage', async () => {
    const writer = new BulkWriter((docs) => proxied.putMany(docs), {
      maxDocs: 10,
      maxBytes: 1024 * 1024,
      flushIntervalMs: 10,
    });
    await proxy.block();
    await assert.rejects(writer.write(article('writer-outage')), StoreUnavailableError);
    await proxy.unblock();
    await writer.write(article('writer-outage'));
    await writer.close();
  });
});
