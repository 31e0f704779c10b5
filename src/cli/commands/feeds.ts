import { Command } from 'commander';
import type { CliCommand } from '../types.js';
import { discover, type DiscoverOptions } from './feeds/discover.js';
import { importOpml, type ImportOptions } from './feeds/import.js';
import { status, type StatusOptions } from './feeds/status.js';

const CONFIG_HELP = 'configuration directory (default $PRESSWATCH_CONFIG or ./config)';

export const feedsCommand: CliCommand = {
  build: (io, run) =>
    new Command('feeds')
      .description('operate feeds')
      .addCommand(
        new Command('status')
          .description('health of every configured feed')
          .option('--config <dir>', CONFIG_HELP)
          .option('--json', 'one JSON object per feed')
          .action((options: StatusOptions) => run(() => status(io, options), options)),
      )
      .addCommand(
        new Command('import')
          .description('merge the feeds of an OPML file into feeds.yaml; folders become tags')
          .argument('<file>', 'OPML file')
          .option('--config <dir>', CONFIG_HELP)
          .option('--dry-run', 'say what would change, write nothing')
          .option('--json', 'one JSON object with the ids added and tagged')
          .action((file: string, options: ImportOptions) =>
            run(() => importOpml(io, file, options), options),
          ),
      )
      .addCommand(
        new Command('discover')
          .description('find a site\'s feeds: <link rel="alternate">, else common paths')
          .argument('<url>', 'page of the site')
          .option('--json', 'one JSON object per feed')
          .action((url: string, options: DiscoverOptions) =>
            run(() => discover(io, url, options), options),
          ),
      ),
};
