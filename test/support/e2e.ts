import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { startFixtureSite, type FixtureSite } from '../../src/demo/fixture-site.js';
import {
  createElasticsearchStore,
  type ElasticsearchStore,
} from '../../src/store/elasticsearch/index.js';
import { silentLogger } from '../../src/core/logger.js';
import { requireServices } from './services.js';
import { startTcpProxy, type TcpProxy } from './tcp-proxy.js';

export const SITE_ROOT = fileURLToPath(new URL('../fixtures/site/', import.meta.url));

export interface FeedEntry {
  id: string;
  path: string;
  language?: string;
}

/** The end-to-end scenario's feeds: an ISO-8859-1 RSS, an Atom, an RDF and a broken feed. */
export const SCENARIO_FEEDS: FeedEntry[] = [
  { id: 'de-politik', path: '/feeds/de-politik.xml', language: 'de' },
  { id: 'wire-en', path: '/feeds/wire-en.atom', language: 'en' },
  { id: 'ru-mir', path: '/feeds/ru-mir.rdf', language: 'ru' },
  { id: 'kaputt', path: '/feeds/kaputt.xml' },
];

export function writeConfig(siteUrl: string, feeds: FeedEntry[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'pw-e2e-config-'));
  const lines = feeds.flatMap((f) => [
    `  - id: ${f.id}`,
    `    url: ${siteUrl}${f.path}`,
    ...(f.language ? [`    language: ${f.language}`] : []),
  ]);
  writeFileSync(join(dir, 'feeds.yaml'), `feeds:\n${lines.join('\n')}\n`);
  return dir;
}

export interface Scenario {
  site: FixtureSite;
  /** Elasticsearch reached through this proxy, so that a test can take it away. */
  esProxy: TcpProxy;
  env(prefix: string): NodeJS.ProcessEnv;
  store(prefix: string): ElasticsearchStore;
  close(): Promise<void>;
}

export function uniquePrefix(label: string): string {
  return `pw-${label}-${randomBytes(4).toString('hex')}`;
}

export async function startScenario(): Promise<Scenario> {
  const services = requireServices();
  const site = await startFixtureSite({ root: SITE_ROOT });
  const esProxy = await startTcpProxy(new URL(services.elasticsearchUrl));
  const stores: ElasticsearchStore[] = [];
  return {
    site,
    esProxy,
    env: (prefix) => ({
      REDIS_URL: services.redisUrl,
      ELASTICSEARCH_URL: esProxy.url,
      PRESSWATCH_INDEX_PREFIX: prefix,
      PRESSWATCH_ALLOW_PRIVATE_NETWORKS: 'true',
      // Politeness still applies; a short gap keeps the scenario quick on our own site.
      PRESSWATCH_HOST_MIN_GAP: '100ms',
      LOG_LEVEL: 'silent',
    }),
    store(prefix) {
      const store = createElasticsearchStore({
        node: services.elasticsearchUrl,
        indexPrefix: prefix,
        logger: silentLogger(),
      });
      stores.push(store);
      return store;
    },
    async close() {
      await Promise.all(stores.map((s) => s.close()));
      await esProxy.close();
      await site.close();
    },
  };
}
