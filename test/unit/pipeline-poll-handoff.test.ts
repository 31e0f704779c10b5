import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dedupeRules, urlIdentity } from '../../src/feeds/index.js';
import { createPollStage } from '../../src/pipeline/poll-stage.js';
import type { ArticleTask } from '../../src/pipeline/article-task.js';
import { createHttpClient } from '../../src/http/index.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/index.js';
import { silentLogger } from '../../src/core/logger.js';

const RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
<item><title>Eins</title><link>http://127.0.0.1/a/1</link><guid>1</guid></item>
<item><title>Zwei</title><link>http://127.0.0.1/a/2</link><guid>2</guid></item></channel></rss>`;

/** Starts the test's feed server on 127.0.0.1 and gives its feed URL. */
async function feedUrlOf(server: Server): Promise<string> {
  await once(server.listen(0, '127.0.0.1'), 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/rss`;
}

/** The poll stage on a SQLite store's feed state and articles, with the bundled dedupe rules. */
function pollStageOn(store: SqliteStore, http: ReturnType<typeof localHttp>) {
  return createPollStage({
    http,
    feedState: store.feeds,
    articles: store.articles,
    identity: urlIdentity(dedupeRules()),
    now: () => new Date(),
  });
}

/** An HTTP client for the test's own server on 127.0.0.1. */
function localHttp() {
  return createHttpClient({
    userAgent: 'test',
    timeoutMs: 5_000,
    maxBytes: 1_000_000,
    maxRedirects: 2,
    allowPrivateNetworks: true,
  });
}

test('new articles are handed off before the feed state (and its ETag) is written', async () => {
  const server = createServer((req, res) => {
    if (req.headers['if-none-match'] === '"v1"') return res.writeHead(304).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end(RSS);
  });
  const url = await feedUrlOf(server);
  const http = localHttp();
  const store = openSqliteStore({
    dataDir: mkdtempSync(join(tmpdir(), 'pw-handoff-')),
    logger: silentLogger(),
  });
  const feed = { id: 'f', url, intervalMs: 900_000, enabled: true };
  const poll = pollStageOn(store, http);
  try {
    const lost = await poll(feed, async () => {
      throw new Error('queue unreachable');
    });
    assert.equal(lost.ok, false);
    const afterCrash = await store.feeds.get('f');
    assert.equal(afterCrash?.etag, undefined, 'a failed hand-off must not advance the ETag');
    assert.equal(afterCrash?.consecutiveFailures, 1);
    const handed: ArticleTask[] = [];
    const ok = await poll(feed, async (tasks) => void handed.push(...tasks));
    assert.equal(ok.ok, true);
    assert.equal(
      handed.length,
      2,
      'the second poll gets a 200, not a 304, and finds both articles',
    );
    assert.equal((await store.feeds.get('f'))?.etag, '"v1"');
  } finally {
    await http.close();
    await store.close();
    server.close();
  }
});

test('an item whose link changed under the same GUID keeps its id across polls (stored state)', async () => {
  let slug = 'gipfel';
  const server = createServer((_req, res) => {
    const item = `<item><title>G</title><link>http://127.0.0.1/a/${slug}</link><guid>g-7</guid></item>`;
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.end(`<rss version="2.0"><channel><title>T</title>${item}</channel></rss>`);
  });
  const url = await feedUrlOf(server);
  const http = localHttp();
  const dataDir = mkdtempSync(join(tmpdir(), 'pw-guid-'));
  const pollOnce = async (): Promise<ArticleTask[]> => {
    // A fresh store each poll: the memory must come from the stored feed state.
    const store = openSqliteStore({ dataDir, logger: silentLogger() });
    const handed: ArticleTask[] = [];
    const poll = pollStageOn(store, http);
    await poll({ id: 'f', url, intervalMs: 900_000, enabled: true }, async (tasks) => {
      handed.push(...tasks);
    });
    await store.close();
    return handed;
  };
  try {
    const [first] = await pollOnce();
    slug = 'gipfel-abgesagt';
    const [second] = await pollOnce();
    assert.equal(second?.url, 'http://127.0.0.1/a/gipfel-abgesagt');
    assert.equal(second?.id, first?.id);
  } finally {
    await http.close();
    server.close();
  }
});
