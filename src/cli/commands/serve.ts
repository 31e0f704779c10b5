import { Command } from 'commander';
import { once } from 'node:events';
import { z } from 'zod';
import { formatZodIssues } from '../../config/issues.js';
import { UsageError } from '../../core/errors.js';
import { startServer } from '../../serve/server.js';
import {
  commandConfig,
  commandLogger,
  shutdownSignal,
  withRuntime,
  type ConfigOption,
} from '../context.js';
import { writeJsonLine, writeLine } from '../output.js';
import { EXIT_OK, type CliCommand, type CliIO } from '../types.js';

interface ServeOptions extends ConfigOption {
  host?: string;
  port?: string;
  json?: boolean;
}

const listenSchema = z.object({
  host: z.string().min(1).optional(),
  port: z.coerce.number().int().min(0).max(65_535).optional(),
});

function listenOptions(options: ServeOptions): z.output<typeof listenSchema> {
  const parsed = listenSchema.safeParse({ host: options.host, port: options.port });
  if (!parsed.success) throw new UsageError(formatZodIssues('serve', parsed.error).join('\n'));
  return parsed.data;
}

async function serve(options: ServeOptions, io: CliIO): Promise<number> {
  const listen = listenOptions(options);
  const config = commandConfig(options, io);
  await withRuntime(config, commandLogger(io), async ({ articles, logger }) => {
    const signal = shutdownSignal(logger);
    const server = await startServer({
      store: articles,
      logger,
      host: listen.host ?? config.env.PRESSWATCH_SERVE_HOST,
      port: listen.port ?? config.env.PRESSWATCH_SERVE_PORT,
    });
    if (options.json) writeJsonLine(io.stdout, { url: server.url });
    else writeLine(io.stdout, `presswatch serve: ${server.url} (read-only; Ctrl-C stops)`);
    if (!signal.aborted) await once(signal, 'abort');
    await server.close();
  });
  return EXIT_OK;
}

export const serveCommand: CliCommand = {
  build: (io, run) =>
    new Command('serve')
      .description('a read-only web page to search and chart the stored articles')
      .option('--host <address>', 'listen address (default $PRESSWATCH_SERVE_HOST or 127.0.0.1)')
      .option(
        '--port <n>',
        'listen port, 0 for any free one (default $PRESSWATCH_SERVE_PORT or 8080)',
      )
      .option('--config <dir>', 'configuration directory (default $PRESSWATCH_CONFIG or ./config)')
      .option('--json', 'print the address as one JSON line')
      .action((options: ServeOptions) => run(() => serve(options, io), options)),
};
