import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Command } from 'commander';
import type { ArticleDocument } from '../../core/document.js';
import type { ArticleStore } from '../../core/store-types.js';
import { createStoryStage } from '../../pipeline/story-stage.js';
import { sourceDirectory, type SourceDirectory } from '../../stories/index.js';
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

export interface ImportHooks {
  directory: SourceDirectory;
  report: (error: string) => void;
  onProgress?: (counts: ImportCounts) => void;
}

/**
 * The story step of the pipeline for documents exported before story grouping (no story_id);
 * a document with a story keeps the one it was exported with. A late origin's amendments go to
 * the store at once: a member of the batch in hand is not stored yet, and the story stage
 * amends that document itself before it is written.
 */
function storiesFor(store: ArticleStore, directory: SourceDirectory) {
  const story = createStoryStage({
    articles: store,
    directory,
    amend: (updates) => store.updateStoryFields(updates),
  });
  return async (doc: ArticleDocument) => (doc.story_id === undefined ? story(doc) : doc);
}

export async function importFile(
  store: ArticleStore,
  file: string,
  hooks: ImportHooks,
): Promise<ImportCounts> {
  const counts: ImportCounts = { read: 0, imported: 0, failed: 0 };
  const withStory = storiesFor(store, hooks.directory);
  let batch: ArticleDocument[] = [];
  const fail = (errors: string[]) => {
    counts.failed += 1;
    errors.forEach(hooks.report);
  };
  const flush = async () => {
    for (const outcome of await store.putMany(batch)) {
      if (outcome.ok) counts.imported += 1;
      else fail([outcome.error.message]);
    }
    // The next batch's documents find this one's as story candidates (Elasticsearch search).
    await store.refresh();
    batch = [];
    hooks.onProgress?.(counts);
  };
  for await (const [action, source, place] of bulkPairs(file)) {
    counts.read += 1;
    const parsed = parseBulkPair(action, source, place);
    if (parsed.ok) batch.push(await withStory(parsed.doc));
    else fail(parsed.errors);
    if (batch.length >= BATCH_SIZE) await flush();
  }
  await flush();
  return counts;
}

async function importArticles(io: CliIO, file: string, options: ImportOptions): Promise<number> {
  const config = commandConfig(options, io);
  const progress = countsLine<ImportCounts>(io.stderr, 'import');
  const counts = await withRuntime(config, commandLogger(io), ({ articles }) =>
    importFile(articles, file, {
      directory: sourceDirectory(config.sources),
      report: (error) => writeLine(io.stderr, error),
      onProgress: (c) => progress.update(c),
    }),
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
