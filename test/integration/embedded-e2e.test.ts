import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ArticleDocument } from '../../src/core/document.js';
import { silentLogger } from '../../src/core/logger.js';
import { startFixtureSite, type FixtureSite } from '../../src/demo/fixture-site.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import type { RunSummary } from '../../src/workers/summary.js';
import { jsonLines, runCli, spawnCli } from '../support/cli.js';
import { exitOf, waitFor } from '../support/wait.js';
import { SCENARIO_FEEDS, SITE_ROOT, writeConfig } from '../support/e2e.js';
import { expectedIndexed } from '../support/expected.js';

/** Every document of the embedded store in `dataDir`. */
async function storedDocs(dataDir: string): Promise<ArticleDocument[]> {
  const store = openSqliteStore({ dataDir, logger: silentLogger() });
  try {
    return (await store.articles.search({ limit: 1_000 })).hits;
  } finally {
    await store.close();
  }
}

describe('the pipeline end to end on the embedded default: no Redis, no Elasticsearch', () => {
  let site: FixtureSite;
  let env: NodeJS.ProcessEnv;
  let configDir: string;
  let first: RunSummary;
  let docs: ArticleDocument[];
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pw-embedded-e2e-'));

  before(async () => {
    site = await startFixtureSite({ root: SITE_ROOT });
    env = {
      PRESSWATCH_DATA_DIR: dataDir,
      PRESSWATCH_ALLOW_PRIVATE_NETWORKS: 'true',
      PRESSWATCH_HOST_MIN_GAP: '100ms',
      LOG_LEVEL: 'silent',
    };
    configDir = writeConfig(site.url, SCENARIO_FEEDS);
    const run = await runCli(['run', '--once', '--json', '--config', configDir], env);
    assert.equal(run.code, 0, run.stderr);
    first = JSON.parse(run.stdout) as RunSummary;
    docs = await storedDocs(dataDir);
  });

  after(async () => {
    await site.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('run --once reports what it did, as on BullMQ', () => {
    assert.deepEqual(first.feeds, { polled: 4, failed: 1 });
    assert.deepEqual(first.articles, { new: 11, indexed: 9, failed: 2 });
    const codes = first.failures.map((f) => `${f.feedId} ${f.code}`).sort();
    assert.deepEqual(codes, ['de-politik HTTP_404', 'de-politik TOO_LARGE', 'kaputt FEED_PARSE']);
  });

  test('every good article is stored once, with its title, language, date and first topic', () => {
    const expected = expectedIndexed(site.url);
    assert.deepEqual(docs.map((d) => d.url).sort(), [...expected.keys()].sort());
    for (const doc of docs) {
      const page = expected.get(doc.url)!;
      assert.equal(doc.title, page.title, doc.url);
      assert.equal(doc.language, page.language, doc.url);
      assert.equal(Date.parse(doc.published_at!), Date.parse(page.published_at), doc.url);
      if (page.topics[0]) assert.ok(doc.topics.includes(page.topics[0]), doc.url);
      for (const text of page.mustNot) assert.ok(!doc.body.includes(text), `${doc.url}: ${text}`);
    }
  });

  test('a 404 is not retried; a page failing 503 twice is stored on the third try', () => {
    assert.equal(site.requests('/articles/de/geloescht.html').length, 1);
    assert.equal(site.requests('/articles/de/gipfel-nachlese.html').length, 3);
  });

  test('feeds status shows the malformed feed failing and the others healthy', async () => {
    const status = await runCli(['feeds', 'status', '--json', '--config', configDir], env);
    assert.equal(status.code, 0, status.stderr);
    const health = Object.fromEntries(jsonLines(status.stdout).map((s) => [s.id, s.health]));
    assert.deepEqual(health, {
      'de-politik': 'ok',
      'wire-en': 'ok',
      'ru-mir': 'ok',
      kaputt: 'failing',
    });
  });

  test('a second run polls conditionally and stores nothing new', async () => {
    const run = await runCli(['run', '--once', '--json', '--config', configDir], env);
    assert.equal((JSON.parse(run.stdout) as RunSummary).articles.new, 0);
    const [, again] = site.requests('/feeds/wire-en.atom');
    assert.ok(again?.headers['if-none-match']);
    assert.equal((await storedDocs(dataDir)).length, docs.length);
  });

  test('search finds German compounds and Cyrillic, with a country filter in lower case', async () => {
    const search = await runCli(
      ['search', 'Militärbündnis', '--country', 'ru', '--json', '--config', configDir],
      env,
    );
    assert.ok(
      jsonLines(search.stdout).some((d) => String(d.url).endsWith('/moskau-peking-buendnis.html')),
    );
    const cyrillic = await runCli(['search', 'союз', '--json', '--config', configDir], env);
    assert.ok(
      jsonLines(cyrillic.stdout).some((d) => String(d.url).endsWith('/rossiya-kitay-soyuz.html')),
    );
  });
});

const SLOW_PAGE = '/slow/articles/en/nato-summit-defence-spending.html';

describe('the embedded default killed mid-run and started again', () => {
  let site: FixtureSite;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pw-embedded-kill-'));

  before(async () => {
    site = await startFixtureSite({ root: SITE_ROOT });
  });

  after(async () => {
    await site.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('loses no article and duplicates none, though the feed answers 304 the second time', async () => {
    const feeds = [
      { id: 'wire-en', path: '/feeds/wire-en.atom', language: 'en' },
      { id: 'slow-en', path: '/feeds/slow-en.atom', language: 'en' },
    ];
    const configDir = writeConfig(site.url, feeds);
    // The child needs PATH and the like, but not the services a test run may have in its env.
    const { REDIS_URL: _redis, ELASTICSEARCH_URL: _elasticsearch, ...inherited } = process.env;
    const env = {
      ...inherited,
      PRESSWATCH_DATA_DIR: dataDir,
      PRESSWATCH_ALLOW_PRIVATE_NETWORKS: 'true',
      PRESSWATCH_HOST_MIN_GAP: '100ms',
      LOG_LEVEL: 'silent',
    };
    const child = spawnCli(['run', '--once', '--config', configDir], env);
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await waitFor(
      'the slow page to be requested',
      () => site.requests(SLOW_PAGE).length > 0,
      30_000,
    );
    child.kill('SIGKILL');
    assert.equal((await exitOf(child)).signal, 'SIGKILL');
    assert.ok(!(await storedDocs(dataDir)).some((d) => d.url.endsWith(SLOW_PAGE)));

    const again = await runCli(['run', '--once', '--json', '--config', configDir], env);
    assert.equal(again.code, 0, again.stderr);
    const [, second] = site.requests('/feeds/slow-en.atom');
    assert.ok(second?.headers['if-none-match'], 'the feed was polled conditionally');
    const urls = (await storedDocs(dataDir)).map((d) => d.url.replace(site.url, '')).sort();
    assert.deepEqual(urls, [
      '/articles/en/belt-road-rail-corridor.html',
      '/articles/en/iran-oil-sanctions.html',
      '/articles/en/nato-summit-defence-spending.html',
      SLOW_PAGE,
    ]);
  });
});
