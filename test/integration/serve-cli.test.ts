import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Client } from '@elastic/elasticsearch';
import { silentLogger } from '../../src/core/logger.js';
import type { ArticleStore, SearchQuery } from '../../src/core/store-types.js';
import { createElasticsearchStore } from '../../src/store/elasticsearch/index.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import { runCli, spawnCli } from '../support/cli.js';
import { uniquePrefix } from '../support/e2e.js';
import { requireServices } from '../support/services.js';
import { exitOf } from '../support/wait.js';
import { SERVE_DOCUMENTS } from './serve-documents.js';

const PAGE_QUERY = '?q=Bündnis&topic=military-alliance&interval=week';
const STORE_QUERY: SearchQuery = { text: 'Bündnis', topic: 'military-alliance', limit: 50 };

/** The chart's bars as the page renders them. */
function chartOf(page: string): { bucket: string; count: number }[] {
  return [...page.matchAll(/data-bucket="([^"]+)"\s+data-count="(\d+)"/g)].map((m) => ({
    bucket: m[1]!,
    count: Number(m[2]),
  }));
}

/** Starts `presswatch serve --port 0`, checks the page against `store`, stops it with SIGTERM. */
async function servePageMatches(env: NodeJS.ProcessEnv, store: ArticleStore): Promise<void> {
  const child = spawnCli(['serve', '--port', '0', '--json'], env);
  try {
    const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
    const { url } = JSON.parse(line) as { url: string };
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/$/, 'bound to loopback by default');
    const page = await (await fetch(`${url}${PAGE_QUERY}`)).text();
    assert.deepEqual(chartOf(page), await store.histogram(STORE_QUERY, 'week'));
    assert.match(page, new RegExp(`data-total="${(await store.search(STORE_QUERY)).total}"`));
  } finally {
    child.kill('SIGTERM');
  }
  assert.equal((await exitOf(child)).code, 0);
}

function withoutServices(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { REDIS_URL: _redis, ELASTICSEARCH_URL: _es, ...rest } = env;
  return rest;
}

describe('presswatch serve', () => {
  test('on the embedded store', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'presswatch-serve-cli-'));
    const sqlite = openSqliteStore({ dataDir, logger: silentLogger() });
    try {
      await sqlite.articles.putMany(SERVE_DOCUMENTS);
      await servePageMatches(
        { ...withoutServices(process.env), PRESSWATCH_DATA_DIR: dataDir },
        sqlite.articles,
      );
    } finally {
      await sqlite.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test('on Elasticsearch', async () => {
    const { elasticsearchUrl } = requireServices();
    const prefix = uniquePrefix('serve');
    const store = createElasticsearchStore({
      node: elasticsearchUrl,
      indexPrefix: prefix,
      logger: silentLogger(),
    });
    const admin = new Client({ node: elasticsearchUrl });
    const dataDir = mkdtempSync(path.join(tmpdir(), 'presswatch-serve-es-'));
    try {
      await store.setup();
      await store.putMany(SERVE_DOCUMENTS);
      await store.refresh();
      const env = {
        ...withoutServices(process.env),
        ELASTICSEARCH_URL: elasticsearchUrl,
        PRESSWATCH_INDEX_PREFIX: prefix,
        PRESSWATCH_DATA_DIR: dataDir,
      };
      await servePageMatches(env, store);
    } finally {
      await store.close();
      const indices = await admin.indices.get({ index: `${prefix}-articles-*` });
      // Deleting by wildcard is refused (action.destructive_requires_name): name each index.
      for (const index of Object.keys(indices)) await admin.indices.delete({ index });
      await admin.indices.deleteIndexTemplate({ name: store.names.template });
      await admin.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test('a bad --port is a usage error', async () => {
    const result = await runCli(['serve', '--port', 'eighty'], withoutServices(process.env));
    assert.equal(result.code, 2);
    assert.match(result.stderr, /serve: port/);
  });
});
