import { once } from 'node:events';
import { Command } from 'commander';
import { indexNames } from '../../store/elasticsearch/mapping.js';
import { commandConfig, commandLogger, withRuntime, type ConfigOption } from '../context.js';
import { writeLine } from '../output.js';
import { countsLine } from '../progress.js';
import { parseSince } from './retag.js';
import { EXIT_OK, type CliCommand, type CliIO } from '../types.js';

/** Documents read per batch: a few MB of text in memory at a time. */
const BATCH_SIZE = 500;

interface ExportOptions extends ConfigOption {
  ndjson: true;
  since?: string;
}

/**
 * Elasticsearch's bulk format: an action line naming the alias and the id, then the document.
 * The file can go to `POST /_bulk` as it is, or to `presswatch import` on either store.
 */
export function bulkLines(alias: string, docs: { id: string }[]): string {
  return docs
    .map(
      (doc) =>
        `${JSON.stringify({ index: { _index: alias, _id: doc.id } })}\n${JSON.stringify(doc)}\n`,
    )
    .join('');
}

async function exportArticles(io: CliIO, options: ExportOptions): Promise<number> {
  const since = parseSince('export', options.since);
  const config = commandConfig(options, io);
  const alias = indexNames(config.env.PRESSWATCH_INDEX_PREFIX).alias;
  const counts = { exported: 0 };
  const progress = countsLine<typeof counts>(io.stderr, 'export');
  await withRuntime(config, commandLogger(io), async ({ articles }) => {
    await articles.refresh();
    for await (const batch of articles.scan({ since, batchSize: BATCH_SIZE })) {
      // Waiting for 'drain' keeps a slow pipe from buffering the whole archive in memory.
      if (!io.stdout.write(bulkLines(alias, batch))) await once(io.stdout, 'drain');
      counts.exported += batch.length;
      progress.update(counts);
    }
  });
  progress.done(counts);
  if (!(io.stderr as { isTTY?: boolean }).isTTY)
    writeLine(io.stderr, `export: ${counts.exported} articles`);
  return EXIT_OK;
}

export const exportCommand: CliCommand = {
  build: (io, run) =>
    new Command('export')
      .description('write every stored article to stdout in Elasticsearch bulk format')
      .requiredOption('--ndjson', 'NDJSON, an action line and a document line per article')
      .option('--since <date>', 'only articles published on or after this date (YYYY-MM-DD)')
      .option('--config <dir>', 'configuration directory (default $PRESSWATCH_CONFIG or ./config)')
      .action((options: ExportOptions) => run(() => exportArticles(io, options))),
};
