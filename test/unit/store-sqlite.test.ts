import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { ArticleDocument } from '../../src/core/document.js';
import { silentLogger } from '../../src/core/logger.js';
import { DocumentRejectedError } from '../../src/core/stage-errors.js';
import type { ArticleStore, SearchQuery } from '../../src/core/store-types.js';
import { DATABASE_FILE_NAME, openSqliteStore } from '../../src/store/sqlite/index.js';
import { untagged } from '../support/documents.js';

function makeDoc(id: string, overrides: Partial<ArticleDocument> = {}): ArticleDocument {
  return {
    id,
    url: `https://news.example/${id}`,
    title: `Article ${id}`,
    body: 'Plain text about nothing in particular.',
    authors: ['A. Writer'],
    published_at: '2024-03-05T10:00:00Z',
    first_seen_at: '2024-03-05T10:05:00Z',
    fetched_at: '2024-03-05T10:06:00Z',
    language: 'de',
    feed_id: 'feed-a',
    source: { name: 'News', domain: 'news.example', country: 'DE' },
    ...untagged(),
    cites: [],
    content_hash: `hash-${id}`,
    tagger_version: 't1',
    ...overrides,
  };
}

async function withStore(
  run: (store: ArticleStore, dataDir: string) => Promise<void>,
): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'presswatch-sqlite-'));
  const store = openSqliteStore({ dataDir, logger: silentLogger() });
  try {
    await run(store.articles, dataDir);
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const query = (fields: Partial<SearchQuery>): SearchQuery => ({ limit: 100, ...fields });
const ids = (docs: ArticleDocument[]): string[] => docs.map((doc) => doc.id);

describe('sqlite article store: writes', () => {
  test('storing a document twice leaves one row, updated, with indexed_at set', async () => {
    await withStore(async (store) => {
      await store.putMany([makeDoc('a', { title: 'Erste Fassung' })]);
      const outcomes = await store.putMany([makeDoc('a', { title: 'Zweite Fassung' })]);
      assert.deepEqual(outcomes, [{ id: 'a', ok: true }]);
      const all = await store.search(query({}));
      assert.equal(all.total, 1);
      assert.equal(all.hits[0]?.title, 'Zweite Fassung');
      assert.ok(!Number.isNaN(Date.parse(all.hits[0]?.indexed_at ?? '')));
      assert.equal((await store.search(query({ text: 'Erste' }))).total, 0);
      assert.equal((await store.search(query({ text: 'Zweite' }))).total, 1);
    });
  });

  test('the full-text index stays consistent with the articles through replacements', async () => {
    await withStore(async (store, dataDir) => {
      await store.putMany([makeDoc('a'), makeDoc('b', { body: 'alt' })]);
      await store.putMany([makeDoc('a', { body: 'neu' }), makeDoc('b', { body: 'alt' })]);
      const db = new Database(path.join(dataDir, DATABASE_FILE_NAME));
      try {
        // rank 1 makes FTS5 also compare an external-content index with its content table.
        db.exec("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)");
        const tags = db.prepare('SELECT count(*) FROM article_tags').pluck().get();
        assert.equal(tags, 0);
      } finally {
        db.close();
      }
      assert.deepEqual(ids((await store.search(query({ text: 'neu' }))).hits), ['a']);
    });
  });

  test('get returns the document as stored, optional fields left out', async () => {
    await withStore(async (store) => {
      const doc = makeDoc('g', { summary: 'kurz', topics: ['defence'], pairs: ['CN-RU'] });
      delete doc.source.country;
      await store.putMany([doc]);
      const stored = await store.get('g');
      assert.ok(stored?.indexed_at);
      assert.deepEqual({ ...stored, indexed_at: undefined }, { ...doc, indexed_at: undefined });
      assert.equal(await store.get('missing'), undefined);
    });
  });

  test('one outcome per document in order; a bad document is rejected alone', async () => {
    await withStore(async (store) => {
      const noTitle = { ...makeDoc('bad-title'), title: undefined } as unknown as ArticleDocument;
      const badDate = makeDoc('bad-date', { published_at: 'yesterday' });
      const outcomes = await store.putMany([makeDoc('ok-1'), noTitle, badDate, makeDoc('ok-2')]);
      assert.deepEqual(
        outcomes.map((o) => [o.id, o.ok]),
        [
          ['ok-1', true],
          ['bad-title', false],
          ['bad-date', false],
          ['ok-2', true],
        ],
      );
      for (const outcome of outcomes.filter((o) => !o.ok)) {
        assert.ok(!outcome.ok && outcome.error instanceof DocumentRejectedError);
      }
      const found = await store.existing(['ok-1', 'bad-title', 'bad-date', 'ok-2', 'never']);
      assert.deepEqual([...found].sort(), ['ok-1', 'ok-2']);
    });
  });

  test('1,000 documents in one batch are all stored and counted', async () => {
    await withStore(async (store) => {
      const docs = Array.from({ length: 1000 }, (_, i) =>
        makeDoc(`bulk-${i}`, {
          published_at: new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString(),
          topics: [i % 2 === 0 ? 'even' : 'odd'],
        }),
      );
      const outcomes = await store.putMany(docs);
      assert.equal(outcomes.filter((o) => o.ok).length, 1000);
      assert.equal((await store.search(query({ limit: 5 }))).total, 1000);
      assert.equal((await store.search(query({ topic: 'even', limit: 0 }))).total, 500);
      const days = await store.histogram(query({}), 'day');
      assert.equal(
        days.reduce((sum, b) => sum + b.count, 0),
        1000,
      );
    });
  });
});

describe('sqlite article store: full text', () => {
  const texts = [
    makeDoc('de', { title: 'Das Militärbündnis wächst', body: 'Neue Mitglieder des Bündnisses.' }),
    makeDoc('ru', { title: 'Новости', body: 'Договор Союза и России.', language: 'ru' }),
    makeDoc('en', { title: 'Nord-Stream repairs', body: 'Pipeline work.', language: 'en' }),
  ];

  test('umlauts match with and without diacritics, inflections by prefix', async () => {
    await withStore(async (store) => {
      await store.putMany(texts);
      for (const text of ['Militärbündnis', 'militarbundnis', 'MILITÄRBÜNDNIS', 'Bündnis']) {
        assert.deepEqual(ids((await store.search(query({ text }))).hits), ['de'], text);
      }
    });
  });

  test('Cyrillic matches regardless of case and inflection', async () => {
    await withStore(async (store) => {
      await store.putMany(texts);
      assert.deepEqual(ids((await store.search(query({ text: 'союз' }))).hits), ['ru']);
      assert.deepEqual(ids((await store.search(query({ text: 'РОССИИ' }))).hits), ['ru']);
    });
  });

  test('words are ANDed; FTS syntax in user input is plain text, never an error', async () => {
    await withStore(async (store) => {
      await store.putMany(texts);
      assert.equal((await store.search(query({ text: 'Pipeline Bündnis' }))).total, 0);
      assert.deepEqual(ids((await store.search(query({ text: 'nord-stream' }))).hits), ['en']);
      for (const text of ['"unbalanced', 'NOT (', 'title:x OR', 'a*b^c NEAR(', '-', '***']) {
        assert.equal((await store.search(query({ text }))).total, 0, text);
      }
    });
  });
});

describe('sqlite article store: filters and ranges', () => {
  const tagged = [
    makeDoc('cn-ru', { topics: ['defence'], pairs: ['CN-RU'], countries: ['CN', 'RU'] }),
    makeDoc('de-fr', { topics: ['defence'], pairs: ['DE-FR'], countries: ['DE', 'FR'] }),
    makeDoc('trade', { topics: ['trade'], pairs: ['CN-RU'], feed_id: 'feed-b', language: 'en' }),
  ];

  test('topic, pair, country, feed and language filter exactly and combine', async () => {
    await withStore(async (store) => {
      await store.putMany(tagged);
      const found = async (q: Partial<SearchQuery>) => ids((await store.search(query(q))).hits);
      assert.deepEqual(await found({ topic: 'defence', pair: 'CN-RU' }), ['cn-ru']);
      assert.deepEqual((await found({ pair: 'CN-RU' })).sort(), ['cn-ru', 'trade']);
      assert.deepEqual(await found({ country: 'FR' }), ['de-fr']);
      assert.deepEqual(await found({ feed: 'feed-b' }), ['trade']);
      assert.deepEqual(await found({ language: 'en' }), ['trade']);
      assert.deepEqual(await found({ topic: 'Defence' }), []);
    });
  });

  test('text and every tag kind together find only articles in all their sets', async () => {
    await withStore(async (store) => {
      const drill = makeDoc('drill', {
        ...{ title: 'Manöver im Pazifik', body: 'Gemeinsame Übung der Flotten.' },
        ...{ topics: ['defence'], pairs: ['CN-RU'], countries: ['CN', 'RU'] },
      });
      await store.putMany([...tagged, drill]);
      const found = async (q: Partial<SearchQuery>) => ids((await store.search(query(q))).hits);
      const all = { text: 'Übung', topic: 'defence', country: 'RU', pair: 'CN-RU' };
      assert.deepEqual(await found(all), ['drill']);
      assert.deepEqual(await found({ ...all, pair: 'DE-FR' }), []);
      assert.deepEqual(await found({ ...all, text: '--' }), []);
      assert.deepEqual(await found({ ...all, from: '2024-03-06' }), []);
      const weeks = await store.histogram(query(all), 'week', { byTopic: true });
      assert.deepEqual(weeks, [{ bucket: '2024-03-04', count: 1, topics: { defence: 1 } }]);
    });
  });

  test('sorted by published_at descending, undated last, limit keeps the total', async () => {
    await withStore(async (store) => {
      await store.putMany([
        makeDoc('old', { published_at: '2024-01-01T00:00:00Z' }),
        makeDoc('undated', { published_at: undefined }),
        makeDoc('new', { published_at: '2024-02-01T12:00:00+02:00' }),
      ]);
      assert.deepEqual(ids((await store.search(query({}))).hits), ['new', 'old', 'undated']);
      const page = await store.search(query({ limit: 1 }));
      assert.deepEqual([page.total, ids(page.hits)], [3, ['new']]);
    });
  });

  test('from/to are inclusive, and a bare `to` date covers that whole day', async () => {
    await withStore(async (store) => {
      await store.putMany([
        makeDoc('before', { published_at: '2024-03-03T23:59:59Z' }),
        makeDoc('first', { published_at: '2024-03-04T00:00:00Z' }),
        makeDoc('late', { published_at: '2024-03-05T23:59:59.999Z' }),
        makeDoc('after', { published_at: '2024-03-06T00:00:00Z' }),
      ]);
      const hits = (await store.search(query({ from: '2024-03-04', to: '2024-03-05' }))).hits;
      assert.deepEqual(ids(hits), ['late', 'first']);
      const exact = await store.search(query({ to: '2024-03-04T00:00:00Z' }));
      assert.deepEqual(ids(exact.hits), ['first', 'before']);
    });
  });
});

describe('sqlite article store: histogram', () => {
  const dated = [
    '2024-02-27T09:00:00Z',
    '2024-03-03T23:30:00Z',
    '2024-03-04T00:10:00Z',
    '2024-03-14T12:00:00Z',
  ];
  const docs = dated.map((published_at, i) => makeDoc(`h${i}`, { published_at }));

  test('day buckets include empty days between the first and the last', async () => {
    await withStore(async (store) => {
      await store.putMany(docs.slice(0, 3));
      const days = await store.histogram(query({}), 'day');
      assert.deepEqual(
        days.map((b) => `${b.bucket}=${b.count}`),
        [
          '2024-02-27=1',
          '2024-02-28=0',
          '2024-02-29=0',
          '2024-03-01=0',
          '2024-03-02=0',
          '2024-03-03=1',
          '2024-03-04=1',
        ],
      );
    });
  });

  test('week buckets start on Monday (UTC), empty weeks included', async () => {
    await withStore(async (store) => {
      await store.putMany(docs);
      assert.deepEqual(await store.histogram(query({}), 'week'), [
        { bucket: '2024-02-26', count: 2 },
        { bucket: '2024-03-04', count: 1 },
        { bucket: '2024-03-11', count: 1 },
      ]);
    });
  });

  test('month buckets start on the 1st; from/to extend the range with empty buckets', async () => {
    await withStore(async (store) => {
      await store.putMany(docs);
      const months = await store.histogram(
        query({ from: '2024-01-15', to: '2024-04-02' }),
        'month',
      );
      assert.deepEqual(months, [
        { bucket: '2024-01-01', count: 0 },
        { bucket: '2024-02-01', count: 1 },
        { bucket: '2024-03-01', count: 3 },
        { bucket: '2024-04-01', count: 0 },
      ]);
    });
  });

  test('filters apply to the histogram; nothing matching and no bounds gives no buckets', async () => {
    await withStore(async (store) => {
      await store.putMany(docs);
      assert.deepEqual(await store.histogram(query({ topic: 'none' }), 'day'), []);
      const days = await store.histogram(query({ from: '2024-03-04', to: '2024-03-06' }), 'day');
      assert.deepEqual(
        days.map((b) => b.count),
        [1, 0, 0],
      );
    });
  });
});
