import { Command } from 'commander';
import { PresswatchError } from '../../core/errors.js';
import { documentRef, urlIdentity } from '../../feeds/index.js';
import { gatherStory, sourceDirectory, storyView, type StoryView } from '../../stories/index.js';
import type { StoryViewMember } from '../../stories/index.js';
import { commandConfig, commandLogger, withRuntime, type ConfigOption } from '../context.js';
import { writeJsonLine, writeLine } from '../output.js';
import { EXIT_OK, type CliCommand, type CliIO } from '../types.js';

/** The document asked for is not stored, or was stored before story grouping existed. */
export class StoryNotFoundError extends PresswatchError {
  readonly code = 'STORY_NOT_FOUND';
  readonly disposition = 'permanent';
}

interface StoryOptions extends ConfigOption {
  json?: boolean;
}

function memberLine(member: StoryViewMember): string {
  const date = (member.published_at ?? member.first_seen_at).slice(0, 16).replace('T', ' ');
  const overlap = `${Math.round(member.overlap * 100)}%`.padStart(4);
  const from = member.copied_from ? `  copies ${member.copied_from} (${member.copied_by})` : '';
  return `${date}  ${overlap}  ${member.source_id}  ${member.domain}  ${member.title}\n                          ${member.url}  ${member.id}${from}`;
}

function printStory(out: NodeJS.WritableStream, view: StoryView): void {
  writeLine(out, `story ${view.story_id}: origin and ${view.copies.length} copies`);
  writeLine(out, 'published         carries  source  domain  title');
  writeLine(out, `origin  ${memberLine(view.origin)}`);
  for (const copy of view.copies) writeLine(out, `copy    ${memberLine(copy)}`);
}

async function story(io: CliIO, ref: string, options: StoryOptions): Promise<number> {
  const config = commandConfig(options, io);
  const directory = sourceDirectory(config.sources);
  await withRuntime(config, commandLogger(io), async ({ articles }) => {
    // A URL is looked up by the id the pipeline gives it under the operator's dedupe rules.
    const seed = await articles.get(documentRef(ref, urlIdentity(config.dedupe)));
    if (seed === undefined) throw new StoryNotFoundError(`no stored document ${ref}`);
    const view = storyView(await gatherStory(articles, seed, directory), directory);
    if (view === undefined) {
      throw new StoryNotFoundError(`${ref} was stored before story grouping: it has no story`);
    }
    if (options.json) writeJsonLine(io.stdout, view);
    else printStory(io.stdout, view);
  });
  return EXIT_OK;
}

export const storyCommand: CliCommand = {
  build: (io, run) =>
    new Command('story')
      .description('show the story of a document: its origin and its copies, with overlap')
      .argument('<id|url>', 'a stored document id, or an article URL')
      .option('--config <dir>', 'configuration directory (default $PRESSWATCH_CONFIG or ./config)')
      .option('--json', 'the story as one JSON object')
      .action((ref: string, options: StoryOptions) => run(() => story(io, ref, options), options)),
};
