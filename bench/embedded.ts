/**
 * bench:embedded: the main job on the embedded default, no services.
 * 1. Pipeline: 20 feeds × 100 generated pages from a local fixture site through `presswatch run
 *    --once` (the compiled binary, one process, SQLite): articles/s and the process's peak RSS.
 * 2. Search over 100,000 stored articles: a query plus a topic filter plus a monthly histogram,
 *    p50 and p95 (target: p50 under 50 ms); and the database size per 1,000 articles.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ArticleDocument } from '../src/core/document.js';
import { silentLogger } from '../src/core/logger.js';
import { startFixtureSite } from '../src/demo/fixture-site.js';
import { generatedFeedPath } from '../src/demo/generated-site.js';
import { DATABASE_FILE_NAME, openSqliteStore } from '../src/store/sqlite/index.js';
import type { RunSummary } from '../src/workers/summary.js';
import { peakRssMb, percentile } from './support/proc.js';
import { generateArticles, TOPICS } from './search-data.js';

const FEEDS = 20;
const ARTICLES_PER_FEED = 100;
const STORED = Number(process.env.BENCH_ARTICLES ?? 100_000);
/** Documents per write transaction while loading, as the bulk writer batches them. */
const LOAD_BATCH = 500;
const SEARCHES = 100;
/** Words of our sentence pools in all three languages, each found in many articles. */
const WORDS = [
  'sanctions',
  'Brussels',
  'pipeline',
  'Peking',
  'Sanktionen',
  'Kreml',
  'санкции',
  'НАТО',
  'gas',
  'Moskau',
];

async function pipeline(): Promise<void> {
  const site = await startFixtureSite({
    root: 'test/fixtures/site',
    generated: { feeds: FEEDS, articlesPerFeed: ARTICLES_PER_FEED },
  });
  const work = mkdtempSync(join(tmpdir(), 'pw-bench-embedded-'));
  const feeds = Array.from(
    { length: FEEDS },
    (_, i) => `  - id: bench-${i}\n    url: ${site.url}${generatedFeedPath(i)}`,
  );
  writeFileSync(join(work, 'feeds.yaml'), `feeds:\n${feeds.join('\n')}\n`);
  const { REDIS_URL: _redis, ELASTICSEARCH_URL: _elasticsearch, ...inherited } = process.env;
  const env = {
    ...inherited,
    PRESSWATCH_DATA_DIR: join(work, 'data'),
    PRESSWATCH_ALLOW_PRIVATE_NETWORKS: 'true',
    // Every generated page is on one loopback host; politeness would measure the gap, not the pipeline.
    PRESSWATCH_HOST_MIN_GAP: '0',
    PRESSWATCH_HOST_CONCURRENCY: '1000',
    LOG_LEVEL: 'warn',
  };
  const started = Date.now();
  const child = spawn(
    process.execPath,
    ['bin/presswatch.js', 'run', '--once', '--json', '--config', work],
    {
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  let peak = 0;
  while (child.exitCode === null) {
    peak = Math.max(peak, peakRssMb(child.pid!));
    await sleep(200);
  }
  const elapsedS = (Date.now() - started) / 1000;
  const summary = JSON.parse(stdout) as RunSummary;
  const bytes = statSync(join(env.PRESSWATCH_DATA_DIR, DATABASE_FILE_NAME)).size;
  await site.close();
  rmSync(work, { recursive: true, force: true });
  console.log(
    `pipeline              ${FEEDS} feeds × ${ARTICLES_PER_FEED} pages, one process (run --once, compiled)`,
  );
  console.log(
    `articles stored       ${summary.articles.indexed} of ${FEEDS * ARTICLES_PER_FEED} (${summary.articles.failed} failed) in ${elapsedS.toFixed(1)} s`,
  );
  console.log(
    `throughput            ${(summary.articles.indexed / elapsedS).toFixed(1)} articles/s`,
  );
  console.log(`peak RSS              ${peak} MB`);
  console.log(
    `database              ${(((bytes / summary.articles.indexed) * 1000) / 1e6).toFixed(1)} MB per 1,000 fetched articles`,
  );
}

async function search(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pw-bench-search-'));
  const loaded = openSqliteStore({ dataDir, logger: silentLogger() });
  const loadStarted = Date.now();
  let batch: ArticleDocument[] = [];
  for (const doc of generateArticles(STORED)) {
    batch.push(doc);
    if (batch.length < LOAD_BATCH) continue;
    await loaded.articles.putMany(batch);
    batch = [];
  }
  await loaded.articles.putMany(batch);
  const loadS = (Date.now() - loadStarted) / 1000;
  // Searching is another process than loading, as `presswatch search` beside `presswatch run`.
  await loaded.close();
  const store = openSqliteStore({ dataDir, logger: silentLogger() });
  const timings: number[] = [];
  for (let i = 0; i < SEARCHES; i++) {
    const query = { text: WORDS[i % WORDS.length], topic: TOPICS[i % TOPICS.length], limit: 20 };
    const started = process.hrtime.bigint();
    await store.articles.search(query);
    await store.articles.histogram(query, 'month');
    timings.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  await store.close();
  const bytes = statSync(join(dataDir, DATABASE_FILE_NAME)).size;
  rmSync(dataDir, { recursive: true, force: true });
  timings.sort((a, b) => a - b);
  console.log(
    `search store          ${STORED} generated articles loaded in ${loadS.toFixed(1)} s (${(STORED / loadS).toFixed(0)}/s)`,
  );
  console.log(
    `query+topic+histogram p50 ${percentile(timings, 50).toFixed(1)} ms (target < 50), p95 ${percentile(timings, 95).toFixed(1)} ms, over ${SEARCHES} searches`,
  );
  console.log(
    `database              ${(((bytes / STORED) * 1000) / 1e6).toFixed(1)} MB per 1,000 articles (${(bytes / 1e6).toFixed(0)} MB in all)`,
  );
}

await pipeline();
await search();
