import { z } from 'zod';
import { parseSearchQuery } from '../cli/commands/search.js';
import { formatZodIssues } from '../config/issues.js';
import { UsageError } from '../core/errors.js';
import type { HistogramInterval, SearchQuery } from '../core/store-types.js';

/** Longer values are no analyst's query: refuse them before they reach a store. */
const MAX_PARAM_CHARS = 500;
/** Hits listed on the page; the CSV download takes up to the CLI's maximum. */
export const PAGE_LIMIT = 50;
export const CSV_LIMIT = 10_000;

// A form sends empty fields as `topic=`; empty means "no filter".
const field = z
  .string()
  .trim()
  .max(MAX_PARAM_CHARS)
  .optional()
  .transform((v) => (v === '' ? undefined : v));

const pageSchema = z.strictObject({
  q: field,
  topic: field,
  country: field,
  pair: field,
  feed: field,
  language: field,
  from: field,
  to: field,
  interval: z.enum(['day', 'week', 'month']).default('week'),
});

export type PageParams = z.output<typeof pageSchema>;

export interface PageRequest {
  params: PageParams;
  query: SearchQuery;
  interval: HistogramInterval;
}

function singleValues(search: URLSearchParams): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of search) {
    if (key in values) throw new UsageError(`query: ${key}: given more than once`);
    values[key] = value;
  }
  return values;
}

/**
 * The page's query string, validated once: unknown or repeated parameters, bad codes and dates
 * are a UsageError listing every problem (the server answers 400 with it).
 */
export function parsePageRequest(search: URLSearchParams, limit: number): PageRequest {
  const parsed = pageSchema.safeParse(singleValues(search));
  if (!parsed.success) throw new UsageError(formatZodIssues('query', parsed.error).join('\n'));
  const { q, interval, ...filters } = parsed.data;
  const query = parseSearchQuery(q, { ...filters, limit: String(limit) });
  return { params: parsed.data, query, interval };
}

/** The same filters as a query string, for the CSV link and the interval switch. */
export function toSearchParams(params: PageParams, overrides: Partial<PageParams> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...params, ...overrides })) {
    if (value !== undefined) search.set(key, value);
  }
  return search.toString();
}
