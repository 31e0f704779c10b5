import { loadConfig, resolveConfigDir, type Config } from '../config/index.js';
import { createLogger, type Logger } from '../core/logger.js';
import { openRuntime, type Runtime } from '../workers/runtime.js';
import type { CliIO } from './types.js';

export interface ConfigOption {
  config?: string;
}

export function commandConfig(options: ConfigOption, io: CliIO): Config {
  return loadConfig(resolveConfigDir(options.config, io.env), io.env);
}

export function commandLogger(io: CliIO): Logger {
  return createLogger(io.env.LOG_LEVEL ?? 'info');
}

/** Opens the runtime for a command and always closes it, whatever the command does. */
export async function withRuntime<T>(
  config: Config,
  logger: Logger,
  fn: (runtime: Runtime) => Promise<T>,
): Promise<T> {
  const runtime = await openRuntime(config, logger);
  try {
    return await fn(runtime);
  } finally {
    await runtime.close();
  }
}

/** Resolves when SIGTERM or SIGINT arrives: the cue for a graceful stop. */
export function shutdownSignal(logger: Logger): AbortSignal {
  const controller = new AbortController();
  const stop = (signal: string) => {
    logger.info({ signal }, 'stopping: finishing jobs in hand, flushing writes');
    controller.abort();
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  return controller.signal;
}
