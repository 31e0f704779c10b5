import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Command } from 'commander';
import type { ArticleDocument } from '../../core/document.js';
import type { ArticleStore } from '../../core/store-types.js';
import { commandConfig, commandLogger, withRuntime, type ConfigOption } from '../context.js';
import { parseBulkPair } from '../import-document.js';
import { writeJsonLine, writeLine } from '../output.js';
import { countsLine } from '../progress.js';
import { EXIT_FAILURE, EXIT_OK, type CliCommand, type CliIO } from '../types.js';

/** Documents per write: one bulk request or one transaction of a few MB. */
const BATCH_SIZE = 500;

interface ImportOptions extends ConfigOption {
  json?: boolean;
}

export interface ImportCounts {
  read: number;
  imported: number;
  failed: number;
}

/** Non-empty lines of the file with their line numbers, read as a stream. */
async function* numberedLines(file: string): AsyncGenerator<[number, string]> {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  let number = 0;
  for await (const line of lines) {
    number += 1;
    if (line.trim() !== '') yield [number, line];
  }
}

/** Action line then document line, as Elasticsearch's bulk format pairs them. */
async function* bulkPairs(file: string): AsyncGenerator<[string, string, string]> {
  let action: [number, string] | undefined;
  for await (const entry of numberedLines(file)) {
    if (action === undefined) action = entry;
    else {
      yield [action[1], entry[1], `${file}:${action[0]}`];
      action = undefined;
    }
  }
  if (action) yield [action[1], '', `${file}:${action[0]}`];
}

export async function importFile(
  store: ArticleStore,
  file: string,
  report: (error: string) => void,
  onProgress: (counts: ImportCounts) => void = () => {},
): Promise<ImportCounts> {
  const counts: ImportCounts = { read: 0, imported: 0, failed: 0 };
  let batch: ArticleDocument[] = [];
  const fail = (errors: string[]) => {
    counts.failed += 1;
    errors.forEach(report);
  };
  const flush = async () => {
    for (const outcome of await store.putMany(batch)) {
      if (outcome.ok) counts.imported += 1;
      else fail([outcome.error.message]);
    }
    batch = [];
    onProgress(counts);
  };
  for await (const [action, source, place] of bulkPairs(file)) {
    counts.read += 1;
    const parsed = parseBulkPair(action, source, place);
    if (parsed.ok) batch.push(parsed.doc);
    else fail(parsed.errors);
    if (batch.length >= BATCH_SIZE) await flush();
  }
  await flush();
  await store.refresh();
  return counts;
}

async function importArticles(io: CliIO, file: string, options: ImportOptions): Promise<number> {
  const config = commandConfig(options, io);
  const progress = countsLine<ImportCounts>(io.stderr, 'import');
  const counts = await withRuntime(config, commandLogger(io), ({ articles }) =>
    importFile(
      articles,
      file,
      (error) => writeLine(io.stderr, error),
      (c) => progress.update(c),
    ),
  );
  progress.done(counts);
  if (options.json) writeJsonLine(io.stdout, counts);
  else
    writeLine(
      io.stdout,
      `import: ${counts.read} read, ${counts.imported} imported, ${counts.failed} failed`,
    );
  return counts.failed === 0 ? EXIT_OK : EXIT_FAILURE;
}

export const importCommand: CliCommand = {
  build: (io, run) =>
    new Command('import')
      .description('store the articles of an Elasticsearch bulk file (as `export --ndjson` writes)')
      .argument('<file>', 'NDJSON: an index or create action line, then the document line')
      .option('--config <dir>', 'configuration directory (default $PRESSWATCH_CONFIG or ./config)')
      .option('--json', 'print the counts as one JSON line')
      .action((file: string, options: ImportOptions) =>
        run(() => importArticles(io, file, options), options),
      ),
};
