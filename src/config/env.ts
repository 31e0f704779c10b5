import { z } from 'zod';
import { ConfigError } from '../core/errors.js';
import { formatZodIssues } from './issues.js';

const flag = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((v) => v === 'true' || v === '1');

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
});

export type EnvConfig = z.output<typeof envSchema>;

/** Validates the environment once, at the edge, reporting every problem at once. */
export function loadEnv(env: NodeJS.ProcessEnv): EnvConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(formatZodIssues('environment', parsed.error));
  return parsed.data;
}
