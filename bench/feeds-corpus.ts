/** Parse throughput and expectation checks over the development corpus; a 5,000-item feed. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { feedJson, loadFeed } from '../src/cli/commands/feed-inspect.js';
import type { HttpClient } from '../src/core/http-types.js';
import { decodeFeed, parseFeed } from '../src/feeds/index.js';
import { checkMet, type Check } from './feeds-expect.js';

const CORPUS_DIR = '/work/shared/data/feeds';
const LARGE_FEED_ITEMS = 5000;
/** Corpus files are local; a check that needs the network is a bug in the bench. */
const NO_HTTP = {
  get: () => Promise.reject(new Error('bench reads files only')),
  close: async () => {},
} as unknown as HttpClient;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

function parseThroughput(label: string, documents: Buffer[]): void {
  const bytes = documents.reduce((sum, doc) => sum + doc.length, 0);
  const started = performance.now();
  let items = 0;
  let failed = 0;
  for (const doc of documents) {
    try {
      items += parseFeed(decodeFeed(doc), 'https://bench.invalid/feed').items.length;
    } catch {
      failed++;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${label}: ${documents.length} documents (${failed} refused), ${items} items, ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(2)} s: ${(bytes / 1e6 / seconds).toFixed(1)} MB/s, ${Math.round(items / seconds)} items/s`,
  );
}

async function checksOf(expectPath: string): Promise<{ met: number; total: number }> {
  const { checks } = JSON.parse(readFileSync(expectPath, 'utf8')) as { checks: Check[] };
  const document = expectPath.slice(0, -'.expect.json'.length);
  try {
    const output = feedJson(document, await loadFeed(document, NO_HTTP));
    return { met: checks.filter((check) => checkMet(output, check)).length, total: checks.length };
  } catch {
    return { met: 0, total: checks.length };
  }
}

export async function corpusFigures(): Promise<void> {
  const all = files(CORPUS_DIR);
  const documents = all.filter(
    (p) => /\.(xml|json|rdf|atom|rss)$/i.test(p) && !p.endsWith('.expect.json'),
  );
  parseThroughput(
    'corpus',
    documents.map((p) => readFileSync(p)),
  );
  let met = 0;
  let total = 0;
  let documentsMet = 0;
  const expectations = all.filter((p) => p.endsWith('.expect.json'));
  for (const path of expectations) {
    const result = await checksOf(path);
    met += result.met;
    total += result.total;
    if (result.met === result.total) documentsMet++;
  }
  console.log(
    `expectations: ${met}/${total} checks met (${((100 * met) / total).toFixed(1)} %), ${documentsMet}/${expectations.length} documents fully (${((100 * documentsMet) / expectations.length).toFixed(1)} %)`,
  );
}

function largeFeed(items: number): Buffer {
  const entry = (i: number) =>
    `<item><title>Item ${i} &amp; more</title><link>https://bench.invalid/a/${i}?utm_source=rss</link>` +
    `<guid>urn:bench:${i}</guid><pubDate>${new Date(Date.UTC(2024, 0, 1) + i * 60_000).toUTCString()}</pubDate>` +
    `<description><![CDATA[<p>Teaser ${i} with <b>markup</b>.</p>]]></description></item>`;
  const body = Array.from({ length: items }, (_, i) => entry(i)).join('\n');
  return Buffer.from(
    `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Bench</title><link>https://bench.invalid/</link>${body}</channel></rss>`,
  );
}

export function largeFeedFigures(): void {
  parseThroughput(`generated ${LARGE_FEED_ITEMS}-item feed`, [largeFeed(LARGE_FEED_ITEMS)]);
}
