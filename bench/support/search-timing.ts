import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ArticleDocument } from '../../src/core/document.js';
import { silentLogger } from '../../src/core/logger.js';
import type { ArticleStore, SearchQuery } from '../../src/core/store-types.js';
import { startServer } from '../../src/serve/server.js';
import { launchChromium } from '../../test/integration/serve-chromium.js';
import { percentile } from './proc.js';

/** One bulk request / one transaction per this many documents: the writers' usual batch. */
const BATCH = 1000;
/** Runs before timing starts: caches, JIT and connections warm, as for an analyst mid-session. */
const WARMUP_RUNS = 8;
const TIMED_RUNS = 100;
const PAGE_RUNS = 30;
/** Stores the documents in batches; resolves with the milliseconds it took. */
export async function fillStore(
  store: ArticleStore,
  docs: Iterable<ArticleDocument>,
): Promise<number> {
  const started = performance.now();
  let batch: ArticleDocument[] = [];
  for (const doc of docs) {
    batch.push(doc);
    if (batch.length === BATCH) {
      await store.putMany(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await store.putMany(batch);
  await store.refresh();
  return performance.now() - started;
}

/** What the serve page asks for one query: the hits and the weekly histogram, side by side. */
async function analystQuery(store: ArticleStore, query: SearchQuery): Promise<void> {
  await Promise.all([store.search(query), store.histogram(query, 'week')]);
}

export async function timeQueries(store: ArticleStore, queries: SearchQuery[]): Promise<number[]> {
  for (let i = 0; i < WARMUP_RUNS; i++) await analystQuery(store, queries[i % queries.length]!);
  const times: number[] = [];
  for (let i = 0; i < TIMED_RUNS; i++) {
    const started = performance.now();
    await analystQuery(store, queries[i % queries.length]!);
    times.push(performance.now() - started);
  }
  return times;
}

/** Navigation to the load event of the serve page, in a fresh headless Chromium. */
export async function pageLoadTimes(store: ArticleStore, pagePath: string): Promise<number[]> {
  const server = await startServer({ store, logger: silentLogger(), host: '127.0.0.1', port: 0 });
  const profile = mkdtempSync(path.join(tmpdir(), 'presswatch-bench-chromium-'));
  const context = await launchChromium(profile);
  try {
    const page = await context.newPage();
    const url = new URL(pagePath, server.url).toString();
    await page.goto(url);
    const times: number[] = [];
    for (let i = 0; i < PAGE_RUNS; i++) {
      const started = performance.now();
      await page.goto(url, { waitUntil: 'load' });
      times.push(performance.now() - started);
    }
    return times;
  } finally {
    await context.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

export function summarize(times: number[]): { p50: number; p95: number } {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
}
