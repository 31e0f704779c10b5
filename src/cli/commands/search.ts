import { Command, Option } from 'commander';
import { z } from 'zod';
import { UsageError } from '../../core/errors.js';
import { formatZodIssues } from '../../config/issues.js';
import { documentRef, urlIdentity } from '../../feeds/index.js';
import type { HistogramInterval, SearchQuery } from '../../core/store-types.js';
import { commandConfig, commandLogger, withRuntime, type ConfigOption } from '../context.js';
import { writeHistogram, writeHits, type OutputFormat } from '../search-output.js';
import { EXIT_OK, type CliCommand, type CliIO } from '../types.js';

const isoDate = z.iso.date('a date such as 2026-11-27').optional();

const searchSchema = z.object({
  text: z.string().min(1).optional(),
  topic: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'a topic id such as military-alliance')
    .optional(),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'an ISO 3166-1 alpha-2 code')
    .transform((c) => c.toUpperCase())
    .optional(),
  pair: z
    .string()
    .regex(/^[A-Za-z]{2}-[A-Za-z]{2}$/, 'two country codes such as CN-RU')
    .transform(sortPair)
    .optional(),
  feed: z.string().optional(),
  language: z
    .string()
    .regex(/^[a-z]{2}$/, 'an ISO 639-1 code such as de')
    .optional(),
  from: isoDate,
  to: isoDate,
  limit: z.coerce.number().int().min(1).max(10_000).default(20),
  originOnly: z.boolean().optional(),
  copiesOf: z
    .url('an article URL or a document id')
    .or(z.string().regex(/^[0-9a-f]{32}$/, 'a document id or URL'))
    .optional(),
});

/** Pairs are stored sorted (CN-RU), so RU-CN must find them too. */
function sortPair(pair: string): string {
  return pair.toUpperCase().split('-').sort().join('-');
}

interface SearchOptions extends ConfigOption, Omit<Partial<SearchQuery>, 'limit' | 'copiesOf'> {
  limit?: string;
  copiesOf?: string;
  histogram?: HistogramInterval;
  by?: 'topic';
  json?: boolean;
  csv?: boolean;
}

function outputFormat(options: SearchOptions): OutputFormat {
  if (options.json && options.csv)
    throw new UsageError('search: --json and --csv exclude each other');
  return options.json ? 'json' : options.csv ? 'csv' : 'text';
}

export function parseSearchQuery(text: string | undefined, options: SearchOptions): SearchQuery {
  const parsed = searchSchema.safeParse({ ...options, text });
  if (!parsed.success) throw new UsageError(formatZodIssues('search', parsed.error).join('\n'));
  return parsed.data;
}

async function search(
  io: CliIO,
  text: string | undefined,
  options: SearchOptions,
): Promise<number> {
  const query = parseSearchQuery(text, options);
  const format = outputFormat(options);
  if (options.by && !options.histogram) throw new UsageError('search: --by needs --histogram');
  const config = commandConfig(options, io);
  if (query.copiesOf) query.copiesOf = documentRef(query.copiesOf, urlIdentity(config.dedupe));
  await withRuntime(config, commandLogger(io), async ({ articles }) => {
    if (options.histogram) {
      const byTopic = options.by === 'topic';
      const buckets = await articles.histogram(query, options.histogram, { byTopic });
      writeHistogram(io.stdout, buckets, format);
    } else {
      writeHits(io.stdout, await articles.search(query), format);
    }
  });
  return EXIT_OK;
}

export const searchCommand: CliCommand = {
  build: (io, run) =>
    new Command('search')
      .description('search stored articles; --histogram counts them per day, week or month')
      .argument('[query]', 'full-text query over title and body')
      .option('--topic <id>', 'topic id, e.g. military-alliance')
      .option('--country <cc>', 'country the article is about (ISO 3166-1 alpha-2)')
      .option('--pair <AA-BB>', 'country pair, e.g. CN-RU')
      .option('--feed <id>', 'feed id')
      .option('--language <code>', 'ISO 639-1 language')
      .option('--from <date>', 'published on or after (YYYY-MM-DD)')
      .option('--to <date>', 'published on or before (YYYY-MM-DD)')
      .option('--limit <n>', 'how many hits (default 20)')
      .option('--origin-only', 'only articles that copy no other (origins and single stories)')
      .option('--copies-of <url|id>', 'only articles found to copy this one (their copied_from)')
      .addOption(
        new Option('--histogram <interval>', 'count per bucket').choices(['day', 'week', 'month']),
      )
      .addOption(
        new Option('--by <facet>', 'with --histogram: counts per topic too').choices(['topic']),
      )
      .option('--config <dir>', 'configuration directory (default $PRESSWATCH_CONFIG or ./config)')
      .option('--json', 'one JSON object per line')
      .option('--csv', 'CSV with a header line')
      .action((text: string | undefined, options: SearchOptions) =>
        run(() => search(io, text, options), options),
      ),
};
