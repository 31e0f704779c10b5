import { dedupeRules } from '../feeds/index.js';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config/index.js';
import { loadEnv } from '../config/env.js';
import type { FeedConfig } from '../core/feed-types.js';
import { PACKAGE_ROOT } from '../core/version.js';

/** Our own sample site, shipped with the repository for tests and this demo. */
export const DEMO_SITE_ROOT = fileURLToPath(new URL('test/fixtures/site/', PACKAGE_ROOT));
const BUNDLED_CONFIG = fileURLToPath(new URL('config/', PACKAGE_ROOT));

const FIFTEEN_MINUTES = 15 * 60_000;

/** The sample site's feeds: German, English and Russian outlets, and one broken feed. */
export function demoFeeds(siteUrl: string): FeedConfig[] {
  const feed = (id: string, path: string, name: string, language: string, country: string) => ({
    id,
    url: `${siteUrl}${path}`,
    name,
    language,
    country,
    intervalMs: FIFTEEN_MINUTES,
    enabled: true,
  });
  return [
    feed('demo-de-politik', '/feeds/de-politik.xml', 'Beispiel-Nachrichten (DE)', 'de', 'DE'),
    feed('demo-wire-en', '/feeds/wire-en.atom', 'Example Wire (EN)', 'en', 'GB'),
    feed('demo-ru-mir', '/feeds/ru-mir.rdf', 'Пример Мир (RU)', 'ru', 'RU'),
    feed('demo-kaputt', '/feeds/kaputt.xml', 'Broken feed', 'de', 'DE'),
  ];
}

/**
 * The demo always runs on the embedded default, whatever services the environment names, and
 * may fetch from 127.0.0.1 because the sample site is served there.
 */
export function demoConfig(siteUrl: string, dataDir: string, env: NodeJS.ProcessEnv): Config {
  const { REDIS_URL: _r, ELASTICSEARCH_URL: _e, ...rest } = env;
  const demoEnv = loadEnv({
    ...rest,
    PRESSWATCH_DATA_DIR: dataDir,
    PRESSWATCH_ALLOW_PRIVATE_NETWORKS: 'true',
    // The sample site is ours: a short gap keeps the demo quick without changing the rule.
    PRESSWATCH_HOST_MIN_GAP: '50ms',
    PRESSWATCH_HOST_CONCURRENCY: '4',
  });
  // The sample site is one host on 127.0.0.1: no mirrors to group.
  const feeds = demoFeeds(siteUrl);
  return {
    configDir: BUNDLED_CONFIG,
    env: demoEnv,
    feeds,
    sources: [],
    dedupe: dedupeRules(),
    mode: 'embedded',
  };
}
