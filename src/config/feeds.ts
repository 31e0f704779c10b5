import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import type { FeedConfig } from '../core/feed-types.js';
import { ConfigError } from '../core/errors.js';
import { parseDuration } from './duration.js';
import { formatZodIssues } from './issues.js';

/** Shorter than a minute is impolite to any outlet; longer than a day is no longer monitoring. */
const MIN_INTERVAL_MS = 60_000;
const MAX_INTERVAL_MS = 86_400_000;
const DEFAULT_INTERVAL = '15m';

const interval = z
  .string()
  .default(DEFAULT_INTERVAL)
  .transform((text, ctx) => {
    const ms = parseDuration(text);
    if (ms === undefined || ms < MIN_INTERVAL_MS || ms > MAX_INTERVAL_MS) {
      ctx.addIssue({ code: 'custom', message: 'an interval from 1m to 1d, such as 10m or 2h' });
      return z.NEVER;
    }
    return ms;
  });

const feedSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'lowercase letters, digits and - only'),
  url: z.url({ protocol: /^https?$/, error: 'not a URL' }),
  name: z.string().min(1).optional(),
  language: z
    .string()
    .regex(/^[a-z]{2}$/, 'an ISO 639-1 code such as de')
    .optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code such as RU')
    .optional(),
  interval,
  enabled: z.boolean().default(true),
});

const feedsFileSchema = z.strictObject({ feeds: z.array(feedSchema) }).superRefine((file, ctx) => {
  const seen = new Set<string>();
  file.feeds.forEach((feed, i) => {
    if (seen.has(feed.id)) {
      ctx.addIssue({
        code: 'custom',
        path: ['feeds', i, 'id'],
        message: `duplicate id ${feed.id}`,
      });
    }
    seen.add(feed.id);
  });
});

/** Reads feeds.yaml; every problem in it is reported at once with its place. */
export function loadFeeds(path: string, label = path): FeedConfig[] {
  const doc = parseDocument(readSource(path, label));
  if (doc.errors.length > 0) {
    throw new ConfigError(doc.errors.map((e) => `${label}: ${e.message.split('\n')[0]}`));
  }
  const parsed = feedsFileSchema.safeParse(doc.toJS());
  if (!parsed.success) throw new ConfigError(formatZodIssues(label, parsed.error));
  return parsed.data.feeds.map(({ interval: intervalMs, ...feed }) => ({ ...feed, intervalMs }));
}

function readSource(path: string, label: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError([`${label}: cannot read (${(err as NodeJS.ErrnoException).code})`]);
  }
}
