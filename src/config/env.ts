import { z } from 'zod';
import { ConfigError } from '../core/errors.js';
import { formatZodIssues } from './issues.js';
import { parseDuration } from './duration.js';

const flag = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((v) => v === 'true' || v === '1');

function duration(fallback: string) {
  return z
    .string()
    .default(fallback)
    .transform((text, ctx) => {
      const ms = text === '0' ? 0 : parseDuration(text);
      if (ms === undefined)
        ctx.addIssue({ code: 'custom', message: 'a duration such as 500ms, 2s or 1m' });
      return ms ?? 0;
    });
}

function count(fallback: number) {
  return z.coerce.number().int().min(1).max(1000).default(fallback);
}

const envSchema = z.object({
  REDIS_URL: z.url().optional(),
  ELASTICSEARCH_URL: z.url().optional(),
  ELASTICSEARCH_API_KEY: z.string().min(1).optional(),
  ELASTICSEARCH_USERNAME: z.string().min(1).optional(),
  ELASTICSEARCH_PASSWORD: z.string().min(1).optional(),
  ELASTICSEARCH_CA_CERT: z.string().min(1).optional(),
  PRESSWATCH_CONFIG: z.string().min(1).optional(),
  PRESSWATCH_INDEX_PREFIX: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]*$/, 'lowercase letters, digits, - and _')
    .default('presswatch'),
  PRESSWATCH_DATA_DIR: z.string().min(1).default('./data'),
  PRESSWATCH_ALLOW_PRIVATE_NETWORKS: flag,
  PRESSWATCH_USER_AGENT: z.string().min(1).optional(),
  /** Where outlets can reach the operator; goes into the default User-Agent. */
  PRESSWATCH_CONTACT_URL: z.url().optional(),
  /** One request per host per second is the common courtesy of news crawlers. */
  PRESSWATCH_HOST_MIN_GAP: duration('1s'),
  /** Two requests in flight per host: one slow page does not stall the host's queue. */
  PRESSWATCH_HOST_CONCURRENCY: count(2),
  /** Jobs in flight per worker process: pages wait on the network far more than on the CPU. */
  PRESSWATCH_WORKER_CONCURRENCY: count(16),
  /** Prometheus /metrics of workers and the scheduler: opt-in, off unless a port is given. */
  PRESSWATCH_METRICS_PORT: z.coerce.number().int().min(0).max(65_535).optional(),
  /** Loopback by default: metrics name feeds and hosts, which need not leave the machine. */
  PRESSWATCH_METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  /** Kibana for `setup` to provision the data view and dashboard into; unset skips that. */
  KIBANA_URL: z.url().optional(),
  /** `serve` listens on loopback only unless told otherwise: the page has no authentication. */
  PRESSWATCH_SERVE_HOST: z.string().min(1).default('127.0.0.1'),
  PRESSWATCH_SERVE_PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
});

export type EnvConfig = z.output<typeof envSchema>;

/** Validates the environment once, at the edge, reporting every problem at once. */
export function loadEnv(env: NodeJS.ProcessEnv): EnvConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(formatZodIssues('environment', parsed.error));
  return parsed.data;
}
