import type { Command } from 'commander';

/** Streams and environment of one CLI invocation; tests pass their own. */
export interface CliIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
}

/** Runs a command's body and records its exit code; errors go to the one top-level handler. */
export type Runner = (action: () => Promise<number>, options?: { json?: boolean }) => Promise<void>;

/** A CLI command: one file each under commands/, listed in registry.ts. */
export interface CliCommand {
  build(io: CliIO, run: Runner): Command;
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
