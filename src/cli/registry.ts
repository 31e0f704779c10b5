import type { CliCommand } from './types.js';
import { runCommand } from './commands/run.js';
import { schedulerCommand } from './commands/scheduler.js';
import { workerCommand } from './commands/worker.js';
import { setupCommand } from './commands/setup.js';
import { searchCommand } from './commands/search.js';
import { feedsCommand } from './commands/feeds.js';
import { tagCommand } from './commands/tag.js';
import { feedInspectCommand } from './commands/feed-inspect.js';
import { demoCommand } from './commands/demo.js';
import { extractCommand } from './commands/extract.js';
import { retagCommand } from './commands/retag.js';
import { exportCommand } from './commands/export.js';
import { importCommand } from './commands/import.js';
import { serveCommand } from './commands/serve.js';
import { storyCommand } from './commands/story.js';

/** Every CLI command, one file each under commands/. */
export const commands: CliCommand[] = [
  runCommand,
  schedulerCommand,
  workerCommand,
  setupCommand,
  searchCommand,
  feedsCommand,
  tagCommand,
  feedInspectCommand,
  extractCommand,
  demoCommand,
  serveCommand,
  retagCommand,
  exportCommand,
  importCommand,
  storyCommand,
];
