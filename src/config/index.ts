import { join } from 'node:path';
import { ConfigError } from '../core/errors.js';
import type { FeedConfig } from '../core/feed-types.js';
import { loadDedupeRules, type DedupeRules } from '../feeds/dedupe-rules.js';
import { loadEnv, type EnvConfig } from './env.js';
import { loadFeeds } from './feeds.js';
import { loadSources, type SourceConfig } from './sources.js';

export type { EnvConfig };

/** Everything presswatch reads from outside, validated once. */
export interface Config {
  configDir: string;
  env: EnvConfig;
  feeds: FeedConfig[];
  /** sources.yaml: domains grouped under one source id (mirrors); empty without the file. */
  sources: SourceConfig[];
  /** The bundled URL dedupe rules with the operator's dedupe.yaml laid over them. */
  dedupe: DedupeRules;
  /** Scaled mode when either service is configured, else the embedded default. */
  mode: 'scaled' | 'embedded';
}

export function resolveConfigDir(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  return flag ?? env.PRESSWATCH_CONFIG ?? './config';
}

/** Runs every loader and throws one ConfigError with all their issues, so one run shows all. */
function loadAll<T extends object>(loaders: { [K in keyof T]: () => T[K] }): T {
  const issues: string[] = [];
  const loaded = {} as T;
  for (const key of Object.keys(loaders) as (keyof T)[]) {
    try {
      loaded[key] = loaders[key]();
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      issues.push(...err.issues);
    }
  }
  if (issues.length > 0) throw new ConfigError(issues);
  return loaded;
}

export function loadConfig(configDir: string, processEnv: NodeJS.ProcessEnv): Config {
  const { env, feeds, sources, dedupe } = loadAll({
    env: () => loadEnv(processEnv),
    feeds: () => loadFeeds(join(configDir, 'feeds.yaml'), join(configDir, 'feeds.yaml')),
    sources: () => loadSources(join(configDir, 'sources.yaml')),
    dedupe: () => loadDedupeRules(configDir),
  });
  const mode = env.REDIS_URL || env.ELASTICSEARCH_URL ? 'scaled' : 'embedded';
  return { configDir, env, feeds, sources, dedupe, mode };
}
