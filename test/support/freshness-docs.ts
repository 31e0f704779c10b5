// Documents with known timelines in both stores. The stores stamp indexed_at with the time of
// the write; these helpers store a chosen one instead, so every delay is known in advance.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Client } from '@elastic/elasticsearch';
import { generateArticles } from '../../bench/search-data.js';
import type { ArticleDocument } from '../../src/core/document.js';
import { silentLogger } from '../../src/core/logger.js';
import { withDelays } from '../../src/store/elasticsearch/delays.js';
import { createElasticsearchStore } from '../../src/store/elasticsearch/index.js';
import { indexNames } from '../../src/store/elasticsearch/mapping.js';
import { DATABASE_FILE_NAME, openSqliteStore } from '../../src/store/sqlite/index.js';

export interface TimelineSpec {
  feedId: string;
  /** ISO; absent for an undated article. */
  publishedAt?: string;
  firstSeenAt: string;
  indexedAt: string;
}

const MINUTE_MS = 60_000;
/** Documents per bulk request: generated bodies run to ~4 kB, far below the 100 MB request cap. */
const BULK_DOCS = 1_000;

/** A timeline `minutesAgo` before `now`, with its two delays in minutes. */
export function timelineAgo(
  feedId: string,
  now: number,
  delays: { minutesAgo: number; discovery: number; indexing: number },
): TimelineSpec {
  const firstSeen = now - delays.minutesAgo * MINUTE_MS;
  return {
    feedId,
    publishedAt: new Date(firstSeen - delays.discovery * MINUTE_MS).toISOString(),
    firstSeenAt: new Date(firstSeen).toISOString(),
    indexedAt: new Date(firstSeen + delays.indexing * MINUTE_MS).toISOString(),
  };
}

/** Generated articles (distinct ids) carrying these timelines. */
export function timelineDocs(specs: TimelineSpec[], seed = 11): ArticleDocument[] {
  const bases = [...generateArticles(specs.length, seed)];
  return specs.map((spec, i) => {
    const { published_at: _published, ...base } = bases[i]!;
    return {
      ...base,
      feed_id: spec.feedId,
      ...(spec.publishedAt !== undefined && { published_at: spec.publishedAt }),
      first_seen_at: spec.firstSeenAt,
      indexed_at: spec.indexedAt,
    };
  });
}

/** Stores the documents in the embedded store of `dataDir`, then sets their indexed_at. */
export async function seedEmbedded(dataDir: string, docs: ArticleDocument[]): Promise<void> {
  const store = openSqliteStore({ dataDir, logger: silentLogger() });
  try {
    const outcomes = await store.articles.putMany(docs);
    if (!outcomes.every((o) => o.ok)) throw new Error('seeding the embedded store failed');
  } finally {
    await store.close();
  }
  const db = new Database(join(dataDir, DATABASE_FILE_NAME));
  try {
    const stamp = db.prepare('UPDATE articles SET indexed_at = ? WHERE id = ?');
    db.transaction(() => docs.forEach((doc) => stamp.run(doc.indexed_at, doc.id)))();
  } finally {
    db.close();
  }
}

async function bulkLoad(client: Client, alias: string, docs: ArticleDocument[]): Promise<void> {
  for (let start = 0; start < docs.length; start += BULK_DOCS) {
    const batch = docs.slice(start, start + BULK_DOCS);
    const operations = batch.flatMap((doc) => [{ index: { _index: alias, _id: doc.id } }, doc]);
    const response = await client.bulk({ operations });
    if (response.errors) throw new Error('seeding Elasticsearch failed');
  }
  await client.indices.refresh({ index: alias });
}

/**
 * Sets up the index of `prefix` and bulk-loads the documents with their own indexed_at and,
 * as the store's writes add them, the delays from it; `without-delays` stores them as versions
 * before delays.ts did.
 */
export async function seedElasticsearch(
  node: string,
  prefix: string,
  docs: ArticleDocument[],
  stored: 'with-delays' | 'without-delays' = 'with-delays',
): Promise<void> {
  const loaded =
    stored === 'with-delays' ? docs.map((doc) => withDelays(doc, doc.indexed_at!)) : docs;
  const store = createElasticsearchStore({ node, indexPrefix: prefix, logger: silentLogger() });
  await store.setup();
  await store.close();
  const client = new Client({ node });
  try {
    await bulkLoad(client, store.names.alias, loaded);
  } finally {
    await client.close();
  }
}

/** Deletes the index of `prefix` (wildcard deletes are refused by default). */
export async function dropIndex(node: string, prefix: string): Promise<void> {
  const client = new Client({ node });
  try {
    await client.indices.delete({ index: indexNames(prefix).firstIndex, ignore_unavailable: true });
  } finally {
    await client.close();
  }
}
