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
/** The interval before a feed has history for the adaptive schedule. */
const DEFAULT_INTERVAL_MS = 15 * 60_000;

const duration = z.string().transform((text, ctx) => {
  const ms = parseDuration(text);
  if (ms === undefined || ms < MIN_INTERVAL_MS || ms > MAX_INTERVAL_MS) {
    ctx.addIssue({ code: 'custom', message: 'an interval from 1m to 1d, such as 10m or 2h' });
    return z.NEVER;
  }
  return ms;
});
const interval = duration.default(DEFAULT_INTERVAL_MS);

/** Bounds of the adaptive interval, in feeds.yaml's `polling:` (all feeds) or on one feed. */
const bounds = {
  min_interval: duration.optional(),
  max_interval: duration.optional(),
};

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
  ...bounds,
  robots: z.enum(['respect', 'ignore']).optional(),
  tags: z.array(z.string().min(1)).optional(),
  enabled: z.boolean().default(true),
});

const feedsFileSchema = z
  .strictObject({ polling: z.strictObject(bounds).optional(), feeds: z.array(feedSchema) })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.feeds.forEach((feed, i) => {
      const { min, max } = feedBounds(file.polling, feed);
      if (min !== undefined && max !== undefined && min > max) {
        ctx.addIssue({
          code: 'custom',
          path: ['feeds', i, 'min_interval'],
          message: 'min_interval is longer than max_interval',
        });
      }
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
  const { polling, feeds } = parsed.data;
  return feeds.map(({ interval: intervalMs, min_interval, max_interval, ...feed }) => {
    const { min, max } = feedBounds(polling, { min_interval, max_interval });
    return {
      ...feed,
      intervalMs,
      ...(min === undefined ? {} : { minIntervalMs: min }),
      ...(max === undefined ? {} : { maxIntervalMs: max }),
    };
  });
}

type Bounds = { min_interval?: number; max_interval?: number };

/** A feed's own bounds win over the global `polling:` ones. */
function feedBounds(polling: Bounds = {}, feed: Bounds): { min?: number; max?: number } {
  return {
    min: feed.min_interval ?? polling.min_interval,
    max: feed.max_interval ?? polling.max_interval,
  };
}

function readSource(path: string, label: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError([`${label}: cannot read (${(err as NodeJS.ErrnoException).code})`]);
  }
}
