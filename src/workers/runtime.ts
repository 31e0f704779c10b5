import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import type { Config } from '../config/index.js';
import type { HostGate, PolitenessSettings } from '../core/host-gate.js';
import type { HttpClient } from '../core/http-types.js';
import type { Logger } from '../core/logger.js';
import type { ArticleStore, FeedStateStore } from '../core/store-types.js';
import { PACKAGE_ROOT, VERSION } from '../core/version.js';
import { createHttpClient, httpOptionsFromEnv } from '../http/index.js';
import { timedHttp } from '../metrics/index.js';
import { createMemoryHostGate } from '../politeness/memory-gate.js';
import { createRedisHostGate } from '../politeness/redis-gate.js';
import { createRobotsPolicy } from '../politeness/robots.js';
import { robotsClient } from '../politeness/robots-client.js';
import {
  createElasticsearchStore,
  elasticsearchOptionsFromEnv,
} from '../store/elasticsearch/index.js';
import { RedisFeedStateStore } from '../store/redis/feed-state.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import { createTagger, loadTaxonomy } from '../tagging/index.js';
import type { Tagger } from '../pipeline/article-stage.js';

/** Everything a runner needs, opened from the validated config: the one place that picks backends. */
export interface Runtime {
  config: Config;
  logger: Logger;
  articles: ArticleStore;
  feedState: FeedStateStore;
  http: HttpClient;
  gate: HostGate;
  tagger: Tagger;
  redis?: Redis;
  close(): Promise<void>;
}

/** Redis keys of feed state and politeness sit beside BullMQ's, under the index prefix. */
export function stateKeyPrefix(indexPrefix: string): string {
  return `${indexPrefix}:state`;
}

/** ioredis for BullMQ: commands must wait through a reconnect rather than fail (BullMQ requires null). */
export function connectRedis(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null });
}

export function openTagger(configDir: string): Tagger {
  const dir = existsSync(join(configDir, 'topics.yaml'))
    ? configDir
    : fileURLToPath(new URL('config', PACKAGE_ROOT));
  return createTagger(loadTaxonomy(dir));
}

export async function openRuntime(config: Config, logger: Logger): Promise<Runtime> {
  const { env } = config;
  const politeness: PolitenessSettings = {
    minGapMs: env.PRESSWATCH_HOST_MIN_GAP,
    maxConcurrent: env.PRESSWATCH_HOST_CONCURRENCY,
  };
  const sqlite =
    env.ELASTICSEARCH_URL && env.REDIS_URL
      ? undefined
      : openSqliteStore({ dataDir: env.PRESSWATCH_DATA_DIR, logger });
  const redis = env.REDIS_URL ? connectRedis(env.REDIS_URL) : undefined;
  const statePrefix = stateKeyPrefix(env.PRESSWATCH_INDEX_PREFIX);
  const articles = env.ELASTICSEARCH_URL
    ? createElasticsearchStore(elasticsearchOptionsFromEnv(env, logger))
    : sqlite!.articles;
  const feedState = redis ? new RedisFeedStateStore(redis, statePrefix) : sqlite!.feeds;
  const http = timedHttp(createHttpClient(httpOptionsFromEnv(env, VERSION)));
  // robots.txt is read outside the host gate: one request per host a day, by the article's slot.
  const robots = createRobotsPolicy(http);
  let tagger: Tagger | undefined;
  return {
    config,
    logger,
    articles,
    feedState,
    http: robotsClient(http, robots, config.feeds),
    gate: redis
      ? createRedisHostGate(redis, statePrefix, politeness, robots.crawlDelayMs)
      : createMemoryHostGate(politeness, Date.now, robots.crawlDelayMs),
    // Loaded on first use: the taxonomy and language model cost ~130 MB the scheduler never needs.
    get tagger() {
      return (tagger ??= openTagger(config.configDir));
    },
    redis,
    async close() {
      await articles.close();
      await feedState.close();
      await sqlite?.close();
      await http.close();
      redis?.disconnect();
    },
  };
}
