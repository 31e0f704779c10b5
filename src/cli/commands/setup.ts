import { Command } from 'commander';
import { commandConfig, commandLogger, withRuntime, type ConfigOption } from '../context.js';
import { writeJsonLine, writeLine } from '../output.js';
import { EXIT_OK, type CliCommand } from '../types.js';
import { provisionKibana } from '../../kibana/provision.js';

interface SetupOptions extends ConfigOption {
  json?: boolean;
}

export const setupCommand: CliCommand = {
  build: (io, run) =>
    new Command('setup')
      .description(
        'create or update index templates, aliases, tables, and Kibana objects if KIBANA_URL; idempotent',
      )
      .option('--config <dir>', 'configuration directory (default $PRESSWATCH_CONFIG or ./config)')
      .option('--json', 'print the result as one JSON line')
      .action((options: SetupOptions) =>
        run(async () => {
          const config = commandConfig(options, io);
          await withRuntime(config, commandLogger(io), (runtime) => runtime.articles.setup());
          const store = config.env.ELASTICSEARCH_URL ? 'elasticsearch' : 'sqlite';
          const { env } = config;
          const kibana = env.KIBANA_URL
            ? await provisionKibana(env.KIBANA_URL, env.PRESSWATCH_INDEX_PREFIX, {
                apiKey: env.ELASTICSEARCH_API_KEY,
                username: env.ELASTICSEARCH_USERNAME,
                password: env.ELASTICSEARCH_PASSWORD,
              })
            : undefined;
          if (options.json) writeJsonLine(io.stdout, { ok: true, store, kibana });
          else writeLine(io.stdout, `setup done (${store}${kibana ? ', Kibana dashboard' : ''})`);
          return EXIT_OK;
        }, options),
      ),
};
