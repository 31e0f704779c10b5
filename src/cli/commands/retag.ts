import { Command } from 'commander';
import { z } from 'zod';
import type { ArticleDocument } from '../../core/document.js';
import { UsageError } from '../../core/errors.js';
import type { ArticleStore } from '../../core/store-types.js';
import type { Tagger } from '../../pipeline/article-stage.js';
import { commandConfig, commandLogger, withRuntime, type ConfigOption } from '../context.js';
import { writeJsonLine, writeLine } from '../output.js';
import { countsLine } from '../progress.js';
import { EXIT_FAILURE, EXIT_OK, type CliCommand, type CliIO } from '../types.js';

/** Documents read and written per batch: a few MB of text, one short write transaction. */
const BATCH_SIZE = 200;

interface RetagOptions extends ConfigOption {
  since?: string;
  json?: boolean;
}

export interface RetagCounts {
  scanned: number;
  changed: number;
  unchanged: number;
  failed: number;
}

const TAG_FIELDS = ['topics', 'countries', 'country_mentions', 'actors', 'pairs'] as const;

/** The document re-tagged from its stored title, body and language; nothing is fetched. */
export function retagDocument(doc: ArticleDocument, tagger: Tagger): ArticleDocument {
  const tags = tagger.tag({ title: doc.title, text: doc.body, language: doc.language });
  const { topics, countries, country_mentions, actors, pairs } = tags;
  return {
    ...doc,
    ...{ topics, countries, country_mentions, actors, pairs },
    topic_evidence: tags.evidence,
    tagger_version: tagger.version,
  };
}

function sameTags(a: ArticleDocument, b: ArticleDocument): boolean {
  return (
    a.tagger_version === b.tagger_version &&
    TAG_FIELDS.every((field) => JSON.stringify(a[field]) === JSON.stringify(b[field])) &&
    JSON.stringify(a.topic_evidence) === JSON.stringify(b.topic_evidence)
  );
}

/** Re-tags every stored document (published since `since`), writing only those that change. */
export async function retagStore(
  store: ArticleStore,
  tagger: Tagger,
  since: string | undefined,
  onProgress: (counts: RetagCounts) => void = () => {},
): Promise<RetagCounts> {
  const counts: RetagCounts = { scanned: 0, changed: 0, unchanged: 0, failed: 0 };
  await store.refresh();
  for await (const batch of store.scan({ since, batchSize: BATCH_SIZE })) {
    const changed = batch
      .map((doc) => retagDocument(doc, tagger))
      .filter((d, i) => !sameTags(d, batch[i]!));
    const outcomes = await store.putMany(changed);
    counts.scanned += batch.length;
    counts.unchanged += batch.length - changed.length;
    counts.failed += outcomes.filter((o) => !o.ok).length;
    counts.changed += outcomes.filter((o) => o.ok).length;
    onProgress(counts);
  }
  await store.refresh();
  return counts;
}

const sinceSchema = z.iso.date().optional();

/** `--since` of retag and export: a date, checked before any store is opened. */
export function parseSince(command: string, since: string | undefined): string | undefined {
  const parsed = sinceSchema.safeParse(since);
  if (parsed.success) return parsed.data;
  throw new UsageError(`${command}: --since: "${since}" is not a date such as 2026-11-27`);
}

async function retag(io: CliIO, options: RetagOptions): Promise<number> {
  const since = parseSince('retag', options.since);
  const config = commandConfig(options, io);
  const progress = countsLine<RetagCounts>(io.stderr, 'retag');
  const counts = await withRuntime(config, commandLogger(io), (runtime) =>
    retagStore(runtime.articles, runtime.tagger, since, (c) => progress.update(c)),
  );
  progress.done(counts);
  if (options.json) writeJsonLine(io.stdout, counts);
  else
    writeLine(
      io.stdout,
      `retag: ${counts.scanned} scanned, ${counts.changed} changed, ${counts.unchanged} unchanged, ${counts.failed} failed`,
    );
  return counts.failed === 0 ? EXIT_OK : EXIT_FAILURE;
}

export const retagCommand: CliCommand = {
  build: (io, run) =>
    new Command('retag')
      .description('re-tag stored articles with the current taxonomy, from their stored text')
      .option('--since <date>', 'only articles published on or after this date (YYYY-MM-DD)')
      .option('--config <dir>', 'configuration directory (default $PRESSWATCH_CONFIG or ./config)')
      .option('--json', 'print the counts as one JSON line')
      .action((options: RetagOptions) => run(() => retag(io, options), options)),
};
