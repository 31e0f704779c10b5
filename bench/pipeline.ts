/**
 * bench:pipeline: 20 feeds × 100 generated news pages (50–150 KB) from a local fixture site,
 * through BullMQ worker processes, into the real Elasticsearch. Prints throughput, latency from
 * first seen to searchable, and each process's peak memory.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFixtureSite } from '../src/demo/fixture-site.js';
import { generatedFeedPath } from '../src/demo/generated-site.js';
import { runCli } from '../test/support/cli.js';
import { spawnBuilt } from './support/spawn.js';
import { requireServices } from '../test/support/services.js';
import { peakRssMb, percentile } from './support/proc.js';
import { VisibilityWatcher } from './support/visibility.js';

const FEEDS = 20;
const ARTICLES_PER_FEED = 100;
const TOTAL = FEEDS * ARTICLES_PER_FEED;
/** One worker process per core. */
const WORKERS = Number(process.env.BENCH_WORKERS ?? 2);
const TIMEOUT_MS = 15 * 60_000;

const services = requireServices();
const site = await startFixtureSite({
  root: 'test/fixtures/site',
  generated: { feeds: FEEDS, articlesPerFeed: ARTICLES_PER_FEED },
});
const prefix = `bench-${Date.now()}`;
const configDir = mkdtempSync(join(tmpdir(), 'pw-bench-'));
const feedLines = Array.from(
  { length: FEEDS },
  (_, i) => `  - id: bench-${i}\n    url: ${site.url}${generatedFeedPath(i)}\n    interval: 1h`,
);
writeFileSync(join(configDir, 'feeds.yaml'), `feeds:\n${feedLines.join('\n')}\n`);
const env = {
  ...process.env,
  REDIS_URL: services.redisUrl,
  ELASTICSEARCH_URL: services.elasticsearchUrl,
  PRESSWATCH_INDEX_PREFIX: prefix,
  PRESSWATCH_ALLOW_PRIVATE_NETWORKS: 'true',
  // Every generated page is on one loopback host; politeness would measure the gap, not the pipeline.
  PRESSWATCH_HOST_MIN_GAP: '0',
  PRESSWATCH_HOST_CONCURRENCY: '1000',
  LOG_LEVEL: 'warn',
};

const setup = await runCli(['setup', '--config', configDir], env);
if (setup.code !== 0) throw new Error(`setup failed: ${setup.stderr}`);
/** The heap bound the Dockerfile sets in NODE_OPTIONS; BENCH_WORKER_NODE_ARGS overrides it. */
const workerNodeArgs = (process.env.BENCH_WORKER_NODE_ARGS ?? '--max-old-space-size=192')
  .split(' ')
  .filter(Boolean);
const workers = Array.from({ length: WORKERS }, () =>
  spawnBuilt(['worker', '--config', configDir], env, workerNodeArgs),
);
await sleep(3_000);
const started = Date.now();
const scheduler = spawnBuilt(['scheduler', '--config', configDir], env);
const watcher = new VisibilityWatcher(services.elasticsearchUrl, `${prefix}-articles`);
const peaks = new Map<string, number>();
let visible = 0;
while (visible < TOTAL && Date.now() - started < TIMEOUT_MS) {
  await sleep(250);
  visible = await watcher.tick();
  for (const [i, w] of workers.entries()) peaks.set(`worker ${i + 1}`, peakRssMb(w.pid!));
  peaks.set('scheduler', peakRssMb(scheduler.pid!));
}
const elapsedS = (Date.now() - started) / 1000;
const latencies = watcher.latenciesMs();
for (const child of [...workers, scheduler]) child.kill('SIGTERM');
await watcher.close();
await site.close();

console.log(
  `bench:pipeline  ${FEEDS} feeds × ${ARTICLES_PER_FEED} articles, ${WORKERS} worker processes (node ${workerNodeArgs.join(' ')})`,
);
console.log(`articles searchable   ${visible} of ${TOTAL} in ${elapsedS.toFixed(1)} s`);
console.log(`throughput            ${(visible / elapsedS).toFixed(1)} articles/s (target ≥ 50)`);
console.log(
  `first seen → searchable  p50 ${(percentile(latencies, 50) / 1000).toFixed(2)} s, p95 ${(percentile(latencies, 95) / 1000).toFixed(2)} s`,
);
for (const [name, mb] of peaks)
  console.log(`peak RSS ${name.padEnd(10)} ${mb} MB (target < 300 MB per worker)`);
if (visible < TOTAL) process.exitCode = 1;
