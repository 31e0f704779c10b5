/** A local feed server and a poll stage on a virtual clock, for the feeds tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FeedConfig, FeedState } from '../../src/core/feed-types.js';
import { silentLogger } from '../../src/core/logger.js';
import { dedupeRules, urlIdentity } from '../../src/feeds/index.js';
import { createHttpClient } from '../../src/http/index.js';
import { createPollStage, type PollOutcome } from '../../src/pipeline/poll-stage.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';

const MINUTE = 60_000;
const start = new Date('2024-06-03T08:00:00Z');

export interface FeedPolls {
  /** Polls once at the virtual clock, moves the clock to the next check, returns the state. */
  poll(): Promise<FeedState>;
  last(): PollOutcome | undefined;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, hit: number) => void;

/** A local feed server whose answer to each request is up to the test; a virtual clock. */
export async function withFeed(
  handler: Handler,
  run: (feed: FeedPolls) => Promise<void>,
  maxBytes = 1_000_000,
) {
  let hits = 0;
  const server = createServer((req, res) => handler(req, res, ++hits));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'presswatch-schedule-'));
  const store = openSqliteStore({ dataDir, logger: silentLogger() });
  const http = createHttpClient({
    userAgent: 'presswatch-test',
    timeoutMs: 5000,
    maxBytes,
    maxRedirects: 2,
    allowPrivateNetworks: true,
  });
  const feed: FeedConfig = {
    id: 'bote',
    url: `http://127.0.0.1:${port}/rss`,
    intervalMs: 15 * MINUTE,
    enabled: true,
  };
  let now = start;
  const stage = createPollStage({
    http,
    feedState: store.feeds,
    articles: { existing: async () => new Set() },
    identity: urlIdentity(dedupeRules()),
    now: () => now,
  });
  let outcome: PollOutcome | undefined;
  const poll = async () => {
    outcome = await stage(feed, async () => {});
    const state = (await store.feeds.get(feed.id)) as FeedState;
    now = new Date(state.nextCheckAt);
    return state;
  };
  try {
    await run({ poll, last: () => outcome });
  } finally {
    await http.close();
    await store.close();
    server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
