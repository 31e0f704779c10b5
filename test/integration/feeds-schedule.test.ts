import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import type { FeedState } from '../../src/core/feed-types.js';
import { MAX_BACKOFF_MS } from '../../src/feeds/schedule.js';
import { FULL_FETCH_AFTER_NOT_MODIFIED } from '../../src/feeds/poll.js';
import { withFeed } from './feeds-support.js';

const MINUTE = 60_000;
const fixture = readFileSync(new URL('../fixtures/feeds/rss20-latin1-de.xml', import.meta.url));

const delayOf = (state: FeedState) =>
  Date.parse(state.nextCheckAt) - Date.parse(state.lastAttemptAt ?? '');

function serveFeed(
  res: ServerResponse,
  headers: Record<string, string> = {},
  body = fixture,
): void {
  res.writeHead(200, { 'content-type': 'application/rss+xml; charset=iso-8859-1', ...headers });
  res.end(body);
}

test('a feed failing five times is still polled, backed off up to the cap, and recovers', async () => {
  await withFeed(
    (_req, res, hit) => {
      if (hit <= 5) res.writeHead(500).end('down');
      else serveFeed(res);
    },
    async ({ poll }) => {
      const delays: number[] = [];
      for (let i = 1; i <= 5; i++) {
        const state = await poll();
        assert.equal(state.consecutiveFailures, i);
        assert.equal(state.lastStatus, 500);
        assert.match(state.lastError ?? '', /HTTP 500/);
        delays.push(delayOf(state));
      }
      assert.ok(
        delays.every((d) => d <= MAX_BACKOFF_MS),
        `over the cap: ${delays}`,
      );
      assert.ok((delays[4] ?? 0) > (delays[0] ?? 0) * 4, `no backoff: ${delays}`);
      const recovered = await poll();
      assert.equal(recovered.consecutiveFailures, 0);
      assert.equal(recovered.lastOutcome, 'ok');
      assert.ok((recovered.itemsLastPoll ?? 0) > 0);
      assert.ok(delayOf(recovered) <= 4 * 60 * MINUTE);
    },
  );
});

test('a failing feed at the cap keeps being tried at the cap, never dropped', async () => {
  await withFeed(
    (_req, res) => res.writeHead(503).end(),
    async ({ poll }) => {
      let state: FeedState | undefined;
      for (let i = 0; i < 12; i++) state = await poll();
      assert.equal(state?.consecutiveFailures, 12);
      const delay = delayOf(state as FeedState);
      assert.ok(delay > MAX_BACKOFF_MS * 0.6 && delay <= MAX_BACKOFF_MS, `delay ${delay}`);
    },
  );
});

test('Retry-After is honoured on a 429 and on a 200', async () => {
  await withFeed(
    (_req, res, hit) => {
      if (hit === 1) res.writeHead(429, { 'retry-after': '5400' }).end();
      else serveFeed(res, { 'retry-after': '7200' });
    },
    async ({ poll }) => {
      const limited = await poll();
      assert.equal(limited.lastStatus, 429);
      assert.equal(delayOf(limited), 5400_000);
      const served = await poll();
      assert.equal(served.lastOutcome, 'ok');
      assert.ok(delayOf(served) >= 7200_000);
    },
  );
});

test("a stale-ETag server's new items are still found", async () => {
  let version = 1;
  const body = () =>
    Buffer.from(
      fixture
        .toString('latin1')
        .replace(
          '</channel>',
          version > 1
            ? '<item><title>Neu</title><link>https://bote.example.de/neu</link></item></channel>'
            : '</channel>',
        ),
      'latin1',
    );
  await withFeed(
    (req, res) => {
      // The ETag never changes; worse, a conditional request gets 304 whatever the content.
      if (req.headers['if-none-match'] === '"stuck"') res.writeHead(304).end();
      else serveFeed(res, { etag: '"stuck"' }, body());
    },
    async ({ poll }) => {
      const first = await poll();
      version = 2;
      let state = await poll();
      assert.equal(state.lastOutcome, 'not-modified');
      for (let i = 0; i < FULL_FETCH_AFTER_NOT_MODIFIED && state.lastOutcome !== 'ok'; i++)
        state = await poll();
      assert.equal(state.lastOutcome, 'ok');
      assert.equal(state.itemsLastPoll, (first.itemsLastPoll ?? 0) + 1);
    },
  );
});
