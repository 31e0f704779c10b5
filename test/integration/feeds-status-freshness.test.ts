import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { jsonLines, runCli } from '../support/cli.js';
import { uniquePrefix } from '../support/e2e.js';
import {
  dropIndex,
  seedElasticsearch,
  seedEmbedded,
  timelineAgo,
  timelineDocs,
  type TimelineSpec,
} from '../support/freshness-docs.js';
import { requireServices } from '../support/services.js';

const HOUR_MINUTES = 60;
const DAY_MINUTES = 24 * HOUR_MINUTES;
const NOW = Date.now();

/** `count` articles spread over the window, each with the same two delays (minutes). */
function timelines(
  feedId: string,
  window: { fromMinutesAgo: number; toMinutesAgo: number; count: number },
  delays: { discovery: number; indexing: number },
): TimelineSpec[] {
  const step = (window.fromMinutesAgo - window.toMinutesAgo) / window.count;
  return Array.from({ length: window.count }, (_, i) =>
    timelineAgo(feedId, NOW, { minutesAgo: window.toMinutesAgo + i * step, ...delays }),
  );
}

// 20 articles over days 2 to 7 before, then 12 in the last 24 h: enough for a verdict.
const week = { fromMinutesAgo: 7 * DAY_MINUTES, toMinutesAgo: 2 * DAY_MINUTES, count: 20 };
const day = { fromMinutesAgo: 20 * HOUR_MINUTES, toMinutesAgo: HOUR_MINUTES, count: 12 };
const usual = { discovery: 10, indexing: 0.5 };

const SPECS: TimelineSpec[] = [
  ...timelines('steady', week, usual),
  ...timelines('steady', day, usual),
  ...timelines('late-found', week, usual),
  ...timelines('late-found', day, { discovery: 2 * HOUR_MINUTES, indexing: 0.5 }),
  ...timelines('late-indexed', week, usual),
  ...timelines('late-indexed', day, { discovery: 10, indexing: 40 }),
];
const FEEDS = ['steady', 'late-found', 'late-indexed', 'quiet'];

function writeFeedsConfig(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pw-freshness-config-'));
  const lines = FEEDS.map((id) => `  - id: ${id}\n    url: https://${id}.example/rss`);
  writeFileSync(path.join(dir, 'feeds.yaml'), `feeds:\n${lines.join('\n')}\n`);
  return dir;
}

type Status = Record<string, unknown> & {
  id: string;
  freshness: {
    last24h: { documents: number; publishedToFirstSeen?: { p50Ms: number } };
    previous7d: { documents: number; firstSeenToIndexed?: { p50Ms: number } };
    discoveryDelayed: boolean;
    indexingDelayed: boolean;
  };
};

async function statuses(env: NodeJS.ProcessEnv, configDir: string): Promise<Map<string, Status>> {
  const result = await runCli(['feeds', 'status', '--json', '--config', configDir], env);
  assert.equal(result.code, 0, result.stderr);
  return new Map((jsonLines(result.stdout) as Status[]).map((s) => [s.id, s]));
}

function assertFreshness(byId: Map<string, Status>): void {
  const steady = byId.get('steady')!.freshness;
  assert.equal(steady.last24h.documents, 12);
  assert.equal(steady.previous7d.documents, 20);
  assert.equal(steady.last24h.publishedToFirstSeen?.p50Ms, 10 * 60_000);
  assert.equal(steady.previous7d.firstSeenToIndexed?.p50Ms, 30_000);
  const flags = (id: string) => {
    const { discoveryDelayed, indexingDelayed } = byId.get(id)!.freshness;
    return { discoveryDelayed, indexingDelayed };
  };
  assert.deepEqual(flags('steady'), { discoveryDelayed: false, indexingDelayed: false });
  assert.deepEqual(flags('late-found'), { discoveryDelayed: true, indexingDelayed: false });
  assert.deepEqual(flags('late-indexed'), { discoveryDelayed: false, indexingDelayed: true });
  assert.equal(byId.get('quiet')!.freshness.last24h.documents, 0);
}

describe('feeds status shows per feed delays and flags departures from its history', () => {
  const { elasticsearchUrl } = requireServices();
  const configDir = writeFeedsConfig();
  const docs = timelineDocs(SPECS);
  const dataDirs: string[] = [];
  const prefix = uniquePrefix('status-freshness');

  const dataDir = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pw-status-freshness-'));
    dataDirs.push(dir);
    return dir;
  };

  before(() => seedElasticsearch(elasticsearchUrl, prefix, docs));

  after(async () => {
    await dropIndex(elasticsearchUrl, prefix);
    for (const dir of [configDir, ...dataDirs]) rmSync(dir, { recursive: true, force: true });
  });

  test('on the embedded store, as JSON and as text', async () => {
    const env = { PRESSWATCH_DATA_DIR: dataDir(), LOG_LEVEL: 'silent' };
    await seedEmbedded(env.PRESSWATCH_DATA_DIR, docs);
    assertFreshness(await statuses(env, configDir));
    const text = await runCli(['feeds', 'status', '--config', configDir], env);
    assert.match(text.stdout, /^late-found {2}NEVER-POLLED {2}SLOW DISCOVERY/m);
    assert.match(text.stdout, /^late-indexed {2}NEVER-POLLED {2}SLOW INDEXING/m);
    assert.match(text.stdout, /last 24 h: 12 articles; published → first seen p50 10m, p95 10m/);
    assert.match(text.stdout, /first seen → searchable p50 30s, p95 30s \(7 d before: 30s\)/);
    assert.match(text.stdout, /^ {2}no articles first seen in the last 24 h$/m);
  });

  test('on Elasticsearch', async () => {
    const env = {
      PRESSWATCH_DATA_DIR: dataDir(),
      ELASTICSEARCH_URL: elasticsearchUrl,
      PRESSWATCH_INDEX_PREFIX: prefix,
      LOG_LEVEL: 'silent',
    };
    assertFreshness(await statuses(env, configDir));
  });
});
