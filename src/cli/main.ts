import { Command, CommanderError } from 'commander';
import { ConfigError, PresswatchError, UsageError } from '../core/errors.js';
import { errorMessage } from '../core/disposition.js';
import { commands } from './registry.js';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type CliIO, type Runner } from './types.js';
import { writeJsonLine, writeLine } from './output.js';

/** Maps any error that escapes a command to an exit code, printing it once. */
export function reportError(err: unknown, io: CliIO, json: boolean): number {
  const code = err instanceof ConfigError || err instanceof UsageError ? EXIT_USAGE : EXIT_FAILURE;
  if (json) {
    const payload = err instanceof PresswatchError ? err.toJSON() : { error: errorMessage(err) };
    writeJsonLine(io.stderr, { error: errorMessage(err), ...payload });
  } else {
    writeLine(io.stderr, `presswatch: ${errorMessage(err)}`);
  }
  return code;
}

function buildProgram(io: CliIO, setExit: (code: number) => void): Command {
  const program = new Command('presswatch')
    .description('Media-monitoring ingestion: news feeds to tagged, searchable articles.')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });
  const run: Runner = async (action, options = {}) => {
    try {
      setExit(await action());
    } catch (err) {
      setExit(reportError(err, io, options.json === true));
    }
  };
  for (const command of commands)
    program.addCommand(inheritSettings(command.build(io, run), program));
  return program;
}

/**
 * Commander passes exitOverride and output settings only to commands made with `.command()`;
 * ours are built apart and added, so copy them down, or bad usage would exit the process itself.
 */
function inheritSettings(command: Command, parent: Command): Command {
  command.copyInheritedSettings(parent);
  for (const sub of command.commands) inheritSettings(sub, command);
  return command;
}

export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  let exitCode = EXIT_OK;
  const program = buildProgram(io, (code) => (exitCode = code));
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    return reportError(err, io, argv.includes('--json'));
  }
  return exitCode;
}

function processIO(): CliIO {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
}
