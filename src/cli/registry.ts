import type { CliCommand } from './types.js';

/** Every CLI command, one file each under commands/. */
export const commands: CliCommand[] = [];
