import { Command } from 'commander';
import type { FeedConfig, FeedState } from '../../core/feed-types.js';
import { commandConfig, commandLogger, withRuntime, type ConfigOption } from '../context.js';
import { writeJsonLine, writeLine } from '../output.js';
import { EXIT_OK, type CliCommand, type CliIO } from '../types.js';

interface StatusOptions extends ConfigOption {
  json?: boolean;
}

export interface FeedStatus {
  id: string;
  name?: string;
  url: string;
  enabled: boolean;
  health: 'ok' | 'failing' | 'never-polled' | 'disabled';
  state?: FeedState;
}

/** One status per configured feed, in config order; a feed never polled says so. */
export function feedStatuses(feeds: FeedConfig[], states: FeedState[]): FeedStatus[] {
  const byId = new Map(states.map((s) => [s.feedId, s]));
  return feeds.map((feed) => {
    const state = byId.get(feed.id);
    const health = !feed.enabled
      ? 'disabled'
      : !state?.lastAttemptAt
        ? 'never-polled'
        : state.consecutiveFailures > 0
          ? 'failing'
          : 'ok';
    return { id: feed.id, name: feed.name, url: feed.url, enabled: feed.enabled, health, state };
  });
}

function printStatus(out: NodeJS.WritableStream, status: FeedStatus): void {
  const s = status.state;
  writeLine(out, `${status.id}  ${status.health.toUpperCase()}  ${status.url}`);
  if (!s?.lastAttemptAt) return;
  writeLine(
    out,
    `  last attempt ${s.lastAttemptAt} (${s.lastOutcome}, HTTP ${s.lastStatus ?? '-'}), last success ${s.lastSuccessAt ?? 'never'}`,
  );
  if (s.consecutiveFailures > 0)
    writeLine(
      out,
      `  ${s.consecutiveFailures} failures in a row: ${s.lastErrorCode}: ${s.lastError}`,
    );
  writeLine(
    out,
    `  items in last poll ${s.itemsLastPoll ?? 0} (${s.newItemsLastPoll ?? 0} new); articles indexed ${s.articlesIndexed}, failed ${s.articlesFailed}`,
  );
  writeLine(out, `  next check ${s.nextCheckAt}`);
}

async function status(io: CliIO, options: StatusOptions): Promise<number> {
  const config = commandConfig(options, io);
  const states = await withRuntime(config, commandLogger(io), (runtime) =>
    runtime.feedState.list(),
  );
  for (const entry of feedStatuses(config.feeds, states)) {
    if (options.json) writeJsonLine(io.stdout, entry);
    else printStatus(io.stdout, entry);
  }
  return EXIT_OK;
}

export const feedsCommand: CliCommand = {
  build: (io, run) =>
    new Command('feeds').description('operate feeds').addCommand(
      new Command('status')
        .description('health of every configured feed')
        .option(
          '--config <dir>',
          'configuration directory (default $PRESSWATCH_CONFIG or ./config)',
        )
        .option('--json', 'one JSON object per feed')
        .action((options: StatusOptions) => run(() => status(io, options), options)),
    ),
};
