import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { canonicalizeUrl, documentId } from '../../src/feeds/index.js';
import { createQueues, pollJobId } from '../../src/workers/bullmq/queues.js';
import { runCli, spawnCli } from '../support/cli.js';
import { startScenario, uniquePrefix, type Scenario } from '../support/e2e.js';
import { waitFor } from '../support/wait.js';

const ARTICLES = 10;
/** Each answer takes longer than the gap, so a request over the cap would overlap the others. */
const ANSWER_MS = 300;
const HOST_CAP = 2;
/** Each worker could run four jobs at once: only the shared gate keeps the host at two. */
const WORKER_SLOTS = 4;
const INDEXED_WITHIN_MS = 90_000;

const PARAGRAPH =
  'The delegations met for a second day of talks on the future of the trade corridor, and ' +
  'officials on both sides described the exchange as frank but useful for the months ahead.';

function feedXml(base: string): string {
  const items = Array.from(
    { length: ARTICLES },
    (_, i) => `<item><title>Talks, day ${i}</title><link>${base}/a/${i}.html</link></item>`,
  );
  return `<rss version="2.0"><channel><title>Wire</title>${items.join('')}</channel></rss>`;
}

function articleHtml(n: string): string {
  const body = Array.from({ length: 4 }, () => `<p>${PARAGRAPH}</p>`).join('');
  return `<html><head><title>Talks ${n}</title></head><body><article><h1>Talks ${n}</h1>${body}</article></body></html>`;
}

/** One host whose every answer is slow, counting how many of our requests it holds at once. */
function slowHost() {
  const seen = { inFlight: 0, most: 0, served: 0 };
  const server = createServer((req, res) => {
    seen.served++;
    seen.most = Math.max(seen.most, ++seen.inFlight);
    setTimeout(() => {
      seen.inFlight--;
      const base = `http://${req.headers.host}`;
      if (req.url === '/feed.xml') res.end(feedXml(base));
      else if (req.url?.startsWith('/a/')) res.end(articleHtml(req.url.slice(3)));
      else res.writeHead(404).end();
    }, ANSWER_MS);
  });
  return { server, seen };
}

let scenario: Scenario;
let host: ReturnType<typeof slowHost>;
const children: ChildProcess[] = [];

before(async () => {
  scenario = await startScenario();
  host = slowHost();
  await new Promise<void>((resolve) => host.server.listen(0, '127.0.0.1', resolve));
});

after(async () => {
  for (const child of children) child.kill('SIGKILL');
  await new Promise((resolve) => host.server.close(resolve));
  await scenario.close();
});

test('two worker processes sharing Redis never exceed the per-host cap', async () => {
  const base = `http://127.0.0.1:${(host.server.address() as AddressInfo).port}`;
  const prefix = uniquePrefix('twoproc');
  const env: NodeJS.ProcessEnv = {
    ...scenario.env(prefix),
    PRESSWATCH_HOST_CONCURRENCY: String(HOST_CAP),
    PRESSWATCH_HOST_MIN_GAP: '50ms',
    PRESSWATCH_WORKER_CONCURRENCY: String(WORKER_SLOTS),
  };
  const configDir = mkdtempSync(join(tmpdir(), 'pw-twoproc-'));
  writeFileSync(join(configDir, 'feeds.yaml'), `feeds:\n  - id: wire\n    url: ${base}/feed.xml\n`);
  assert.equal((await runCli(['setup', '--config', configDir], env)).code, 0);
  for (let i = 0; i < 2; i++) children.push(spawnCli(['worker', '--config', configDir], env));
  await enqueuePoll(env.REDIS_URL!, prefix);
  const ids = Array.from({ length: ARTICLES }, (_, i) =>
    documentId(canonicalizeUrl(`${base}/a/${i}.html`)),
  );
  const store = scenario.store(prefix);
  await waitUntilStored(store, ids);
  assert.ok(host.seen.most <= HOST_CAP, `${host.seen.most} requests in flight at once`);
  assert.equal(host.seen.most, HOST_CAP, 'the cap was reached, so it was tested');
  assert.ok(host.seen.served >= ARTICLES + 1, `${host.seen.served} requests served`);
});

async function enqueuePoll(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queues = createQueues(redis, prefix);
  await queues.poll.add('poll', { feedId: 'wire' }, { jobId: pollJobId('wire') });
  await Promise.all([queues.poll.close(), queues.article.close()]);
  redis.disconnect();
}

function waitUntilStored(store: ReturnType<Scenario['store']>, ids: string[]): Promise<boolean> {
  return waitFor(
    `${ids.length} articles indexed`,
    async () => {
      await store.refresh();
      return (await store.existing(ids)).size === ids.length || undefined;
    },
    INDEXED_WITHIN_MS,
  );
}
