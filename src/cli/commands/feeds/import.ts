import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadFeeds } from '../../../config/feeds.js';
import { resolveConfigDir } from '../../../config/index.js';
import { UsageError } from '../../../core/errors.js';
import { feedsFromOpml } from '../../../feeds/opml.js';
import { mergeFeeds } from '../../../feeds/opml-merge.js';
import type { ConfigOption } from '../../context.js';
import { writeJsonLine, writeLine } from '../../output.js';
import { EXIT_OK, type CliIO } from '../../types.js';

export interface ImportOptions extends ConfigOption {
  json?: boolean;
  dryRun?: boolean;
}

function readOpml(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`${file}: cannot read (${(err as NodeJS.ErrnoException).code})`);
  }
}

/**
 * Merges an OPML file's feeds into <config>/feeds.yaml (created when missing). The result is
 * validated like any feeds.yaml before it replaces the old file, in one rename.
 */
export async function importOpml(io: CliIO, file: string, options: ImportOptions): Promise<number> {
  const target = join(resolveConfigDir(options.config, io.env), 'feeds.yaml');
  const before = existsSync(target) ? readFileSync(target, 'utf8') : '';
  const result = mergeFeeds(before, feedsFromOpml(readOpml(file), file));
  if (!options.dryRun) {
    const temporary = `${target}.import-${process.pid}`;
    writeFileSync(temporary, result.text);
    try {
      loadFeeds(temporary, target);
      renameSync(temporary, target);
    } finally {
      rmSync(temporary, { force: true });
    }
  }
  const summary = {
    file: target,
    added: result.added,
    tagged: result.tagged,
    unchanged: result.unchanged,
  };
  if (options.json) writeJsonLine(io.stdout, { ...summary, written: !options.dryRun });
  else
    writeLine(
      io.stdout,
      `${options.dryRun ? 'would write' : 'wrote'} ${target}: ${result.added.length} feeds added, ${result.tagged.length} given new tags, ${result.unchanged} already listed`,
    );
  return EXIT_OK;
}
