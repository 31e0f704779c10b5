import { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import type { Runtime } from '../workers/runtime.js';
import {
  commandConfig,
  commandLogger,
  shutdownSignal,
  withRuntime,
  type ConfigOption,
} from './context.js';
import { EXIT_OK, type CliCommand } from './types.js';

/** The body of a scaled-mode process: runs until the shutdown signal, then cleans up. */
export type ScaledBody = (runtime: Runtime, signal: AbortSignal) => Promise<void>;

/** `scheduler` and `worker`: the halves of the scaled mode, which need Redis. */
export function scaledCommand(name: string, description: string, body: ScaledBody): CliCommand {
  return {
    build: (io, run) =>
      new Command(name)
        .description(`scaled mode: ${description} (needs REDIS_URL)`)
        .option(
          '--config <dir>',
          'configuration directory (default $PRESSWATCH_CONFIG or ./config)',
        )
        .action((options: ConfigOption) =>
          run(async () => {
            const config = commandConfig(options, io);
            if (!config.env.REDIS_URL) {
              throw new UsageError(`${name} needs REDIS_URL; use \`run\` for the embedded default`);
            }
            await withRuntime(config, commandLogger(io), (runtime) =>
              body(runtime, shutdownSignal(runtime.logger)),
            );
            return EXIT_OK;
          }),
        ),
  };
}
