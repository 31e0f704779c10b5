import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FeedConfig, FeedState } from '../../src/core/feed-types.js';
import type { HttpClient, HttpRequest, HttpResponse } from '../../src/core/http-types.js';
import { FeedParseError } from '../../src/core/stage-errors.js';
import { HttpStatusError } from '../../src/core/http-errors.js';
import { pollFeed } from '../../src/feeds/index.js';

const feed: FeedConfig = {
  id: 'bote',
  url: 'https://bote.example.de/rss',
  intervalMs: 900_000,
  enabled: true,
};
const body = readFileSync(new URL('../fixtures/feeds/rss20-latin1-de.xml', import.meta.url));
const bodyHash = createHash('sha256').update(body).digest('hex');

function fakeHttp(
  answer: (req: HttpRequest) => Partial<HttpResponse>,
): HttpClient & { seen: HttpRequest[] } {
  const seen: HttpRequest[] = [];
  return {
    seen,
    get: async (req) => {
      seen.push(req);
      return { url: req.url, status: 200, headers: {}, body: Buffer.alloc(0), ...answer(req) };
    },
  };
}

const state = (extra: Partial<FeedState>): FeedState => ({
  feedId: 'bote',
  consecutiveFailures: 0,
  articlesIndexed: 0,
  articlesFailed: 0,
  nextCheckAt: '2024-06-01T00:00:00Z',
  ...extra,
});

describe('pollFeed', () => {
  test('sends the stored validators as a conditional GET and reports 304', async () => {
    const http = fakeHttp(() => ({ status: 304, headers: { 'cache-control': 'max-age=600' } }));
    const result = await pollFeed(
      feed,
      state({ etag: '"abc"', lastModified: 'Sat, 01 Jun 2024 10:00:00 GMT' }),
      http,
    );
    assert.equal(http.seen[0]?.headers?.['if-none-match'], '"abc"');
    assert.equal(http.seen[0]?.headers?.['if-modified-since'], 'Sat, 01 Jun 2024 10:00:00 GMT');
    assert.deepEqual(result, { kind: 'not-modified', status: 304, cache: { maxAgeMs: 600_000 } });
  });

  test('first poll: no conditional headers, parsed feed with validators and ttl', async () => {
    const http = fakeHttp(() => ({
      body,
      url: 'https://www.bote.example.de/feeds/rss.xml',
      headers: {
        etag: '"v7"',
        'last-modified': 'Tue, 04 Jun 2024 08:00:00 GMT',
        'content-type': 'application/rss+xml',
      },
    }));
    const result = await pollFeed(feed, undefined, http);
    assert.equal(http.seen[0]?.headers?.['if-none-match'], undefined);
    assert.equal(result.kind, 'parsed');
    if (result.kind !== 'parsed') return;
    assert.deepEqual(result.validators, {
      etag: '"v7"',
      lastModified: 'Tue, 04 Jun 2024 08:00:00 GMT',
      bodyHash,
    });
    assert.deepEqual(result.cache, { ttlMs: 30 * 60_000 });
    assert.equal(result.feed.items.length, 2);
    // Relative links resolve against the URL after redirects.
    assert.match(result.feed.items[0]?.link ?? '', /^https:\/\/www\.bote\.example\.de\/politik\//);
  });

  test('the same body under a stale ETag is "unchanged" and not parsed again', async () => {
    const http = fakeHttp(() => ({ body, headers: { etag: '"stale"', 'retry-after': '60' } }));
    const result = await pollFeed(feed, state({ etag: '"stale"', bodyHash }), http);
    assert.equal(result.kind, 'unchanged');
    if (result.kind !== 'unchanged') return;
    assert.equal(result.validators.bodyHash, bodyHash);
    assert.equal(result.cache.retryAfterMs, 60_000);
  });

  test('HTTP and parse errors propagate', async () => {
    const failing: HttpClient = {
      get: async (req) => Promise.reject(new HttpStatusError(503, req.url, 30_000)),
    };
    await assert.rejects(pollFeed(feed, undefined, failing), HttpStatusError);
    const garbage = fakeHttp(() => ({ body: Buffer.from('<html>maintenance</html>') }));
    await assert.rejects(pollFeed(feed, undefined, garbage), FeedParseError);
  });
});
