import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { Command } from 'commander';
import { z } from 'zod';
import { errorMessage } from '../../core/disposition.js';
import type { TagResult } from '../../core/document.js';
import { createTagger, loadTaxonomy, type Tagger } from '../../tagging/index.js';
import { EXIT_FAILURE, EXIT_OK, type CliCommand, type CliIO } from '../types.js';

/** One input line: `{id, title, text, language?}`. */
const InputLine = z.object({
  id: z.union([z.string(), z.number()]),
  title: z.string(),
  text: z.string(),
  language: z.string().optional(),
});

/** Writes one NDJSON line, waiting when stdout's buffer is full so memory stays flat. */
async function writeLine(out: NodeJS.WritableStream, value: unknown): Promise<void> {
  if (!out.write(`${JSON.stringify(value)}\n`)) await once(out, 'drain');
}

/** One NDJSON input line to its output object: what `presswatch tag` writes, and what bench:tagging measures. */
export function tagLine(tagger: Tagger, line: string): { id: string | number } & TagResult {
  const parsed = InputLine.safeParse(JSON.parse(line));
  if (!parsed.success) {
    throw new Error(
      parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; '),
    );
  }
  const { id, title, text, language } = parsed.data;
  return { id, ...tagger.tag({ title, text, ...(language === undefined ? {} : { language }) }) };
}

/** Tags NDJSON from stdin line by line; a bad line is reported in place and the stream goes on. */
async function tagStream(io: CliIO, configDir: string): Promise<number> {
  const tagger = createTagger(loadTaxonomy(configDir));
  let lineNumber = 0;
  let bad = 0;
  for await (const line of createInterface({ input: io.stdin, crlfDelay: Infinity })) {
    lineNumber += 1;
    if (line.trim() === '') continue;
    try {
      await writeLine(io.stdout, tagLine(tagger, line));
    } catch (err) {
      bad += 1;
      await writeLine(io.stdout, { line: lineNumber, error: errorMessage(err) });
    }
  }
  return bad > 0 ? EXIT_FAILURE : EXIT_OK;
}

export const tagCommand: CliCommand = {
  build(io, run) {
    return new Command('tag')
      .description(
        'Tag NDJSON {id, title, text, language?} from stdin; write {id, language, topics, countries, country_mentions, actors, pairs, evidence} per line.',
      )
      .option('--config <dir>', 'configuration directory', io.env.PRESSWATCH_CONFIG ?? './config')
      .action(async (options: { config: string }) => {
        await run(() => tagStream(io, options.config));
      });
  },
};
