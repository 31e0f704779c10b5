/**
 * `npm run bench:search`: p50/p95 of a typical analyst query (text + topic + date range, with the
 * weekly histogram beside the hits, as the serve page asks) on both stores holding 100,000
 * generated articles, and the serve page's load time in headless Chromium. Targets: p95 under
 * 200 ms on Elasticsearch, under 100 ms on the embedded store. Needs ELASTICSEARCH_URL (the npm
 * script starts the shared services).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from '@elastic/elasticsearch';
import { silentLogger } from '../src/core/logger.js';
import type { ArticleStore, SearchQuery } from '../src/core/store-types.js';
import { createElasticsearchStore } from '../src/store/elasticsearch/index.js';
import { openSqliteStore } from '../src/store/sqlite/index.js';
import { generateArticles } from './search-data.js';
import { fillStore, pageLoadTimes, summarize, timeQueries } from './support/search-timing.js';

const ARTICLES = 100_000;

/** Rotated so that neither store answers every run from a cache of the previous one. */
const QUERIES: SearchQuery[] = [
  { text: 'Sanktionen', topic: 'sanctions', from: '2025-06-01', to: '2026-05-31', limit: 50 },
  { text: 'NATO', topic: 'nato', from: '2025-03-01', to: '2025-12-31', limit: 50 },
  { text: 'Energie', topic: 'military-alliance', from: '2026-01-01', to: '2026-12-31', limit: 50 },
  { text: 'санкции', topic: 'sanctions', from: '2025-01-01', to: '2025-09-30', limit: 50 },
];
const PAGE_PATH = '/?q=Sanktionen&topic=sanctions&from=2025-06-01&to=2026-05-31&interval=week';

function report(label: string, times: number[]): void {
  const { p50, p95 } = summarize(times);
  console.log(
    `${label.padEnd(44)} p50 ${p50.toFixed(1).padStart(7)} ms   p95 ${p95.toFixed(1).padStart(7)} ms   (${times.length} runs)`,
  );
}

async function measure(name: string, store: ArticleStore): Promise<void> {
  const loadMs = await fillStore(store, generateArticles(ARTICLES));
  console.log(`${name}: stored ${ARTICLES} articles in ${(loadMs / 1000).toFixed(1)} s`);
  report(`${name}: search + weekly histogram`, await timeQueries(store, QUERIES));
  report(`${name}: serve page load in Chromium`, await pageLoadTimes(store, PAGE_PATH));
}

async function embedded(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'presswatch-bench-search-'));
  const sqlite = openSqliteStore({ dataDir, logger: silentLogger() });
  try {
    await measure('embedded (SQLite FTS5)', sqlite.articles);
  } finally {
    await sqlite.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function elasticsearch(node: string): Promise<void> {
  const prefix = `bench-search-${process.pid}`;
  const store = createElasticsearchStore({ node, indexPrefix: prefix, logger: silentLogger() });
  const admin = new Client({ node });
  try {
    await store.setup();
    await measure('Elasticsearch', store);
  } finally {
    await store.close();
    const indices = await admin.indices.get({ index: `${prefix}-articles-*` });
    // Deleting by wildcard is refused (action.destructive_requires_name): name each index.
    for (const index of Object.keys(indices)) await admin.indices.delete({ index });
    await admin.indices.deleteIndexTemplate({ name: `${prefix}-articles-template` });
    await admin.close();
  }
}

function elasticsearchUrl(): string {
  const node = process.env.ELASTICSEARCH_URL;
  if (node) return node;
  throw new Error(
    'ELASTICSEARCH_URL not set: run `npm run bench:search`, which starts the services',
  );
}

function loadAverage(): string {
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
}

/** `npm run bench:search -- --store embedded` measures one store alone: the machine is shared. */
const STORES = ['embedded', 'elasticsearch'];
const { store } = parseArgs({ options: { store: { type: 'string' } } }).values;
if (store !== undefined && !STORES.includes(store)) {
  throw new Error(`--store: "${store}" is not one of ${STORES.join(', ')}`);
}
console.log(`load average at start: ${loadAverage()}`);
if (store !== 'elasticsearch') await embedded();
if (store !== 'embedded') await elasticsearch(elasticsearchUrl());
console.log(`load average at end: ${loadAverage()}`);
