import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { HostBusyError } from '../../src/core/stage-errors.js';
import { createHttpClient } from '../../src/http/index.js';
import { politeClient } from '../../src/pipeline/polite-get.js';
import { createRedisHostGate } from '../../src/politeness/redis-gate.js';
import { requireServices } from '../support/services.js';

const prefix = `pw-test-feeds-${randomBytes(4).toString('hex')}`;
const settings = { minGapMs: 100, maxConcurrent: 2 };
/** Each answer takes longer than the gap, so a third request would overlap if the cap failed. */
const ANSWER_MS = 250;
/** Grant times are read in this process after Redis answered: a few ms of scheduling slack. */
const SLACK_MS = 25;
const REQUESTS_PER_WORKER = 8;

const workers = [new Redis(requireServices().redisUrl), new Redis(requireServices().redisUrl)];
after(() => workers.forEach((redis) => redis.disconnect()));

test('two workers sharing Redis never exceed the per-host cap or gap', async () => {
  let inFlight = 0;
  let mostInFlight = 0;
  let served = 0;
  const granted: number[] = [];
  const server = createServer((_req, res) => {
    served++;
    mostInFlight = Math.max(mostInFlight, ++inFlight);
    setTimeout(() => {
      inFlight--;
      res.end('<rss version="2.0"><channel><title>t</title></channel></rss>');
    }, ANSWER_MS);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/rss`;
  const http = createHttpClient({
    userAgent: 'presswatch-test',
    timeoutMs: 10_000,
    maxBytes: 100_000,
    maxRedirects: 0,
    allowPrivateNetworks: true,
  });
  try {
    const clients = workers.map((redis) =>
      politeClient(http, createRedisHostGate(redis, prefix, settings)),
    );
    // A job told to wait is retried after the wait, as the runners delay it.
    const fetchPolitely = async (client: (typeof clients)[number]): Promise<void> => {
      for (;;) {
        try {
          await client.get({ url });
          return;
        } catch (err) {
          if (!(err instanceof HostBusyError)) throw err;
          await new Promise((resolve) => setTimeout(resolve, err.waitMs));
        }
      }
    };
    await Promise.all(
      clients.flatMap((client) =>
        Array.from({ length: REQUESTS_PER_WORKER }, () => fetchPolitely(client)),
      ),
    );
  } finally {
    await http.close();
    server.close();
  }
  assert.equal(served, 2 * REQUESTS_PER_WORKER);
  assert.ok(mostInFlight <= settings.maxConcurrent, `${mostInFlight} requests in flight at once`);
  granted.sort((a, b) => a - b);
  const gaps = granted.slice(1).map((at, i) => at - (granted[i] ?? at));
  assert.ok(Math.min(...gaps) >= settings.minGapMs - SLACK_MS, `gaps ${gaps.map(Math.round)}`);
  assert.equal(mostInFlight, settings.maxConcurrent, 'the cap was reached, so it was tested');
});
