import { join } from 'node:path';
import type { FeedConfig } from '../core/feed-types.js';
import { loadEnv, type EnvConfig } from './env.js';
import { loadFeeds } from './feeds.js';

export type { EnvConfig };

/** Everything presswatch reads from outside, validated once. */
export interface Config {
  configDir: string;
  env: EnvConfig;
  feeds: FeedConfig[];
  /** Scaled mode when either service is configured, else the embedded default. */
  mode: 'scaled' | 'embedded';
}

export function resolveConfigDir(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  return flag ?? env.PRESSWATCH_CONFIG ?? './config';
}

export function loadConfig(configDir: string, processEnv: NodeJS.ProcessEnv): Config {
  const env = loadEnv(processEnv);
  const feeds = loadFeeds(join(configDir, 'feeds.yaml'), join(configDir, 'feeds.yaml'));
  const mode = env.REDIS_URL || env.ELASTICSEARCH_URL ? 'scaled' : 'embedded';
  return { configDir, env, feeds, mode };
}
