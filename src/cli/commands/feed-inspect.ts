import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Command } from 'commander';
import { loadEnv } from '../../config/env.js';
import { errorMessage, routeError } from '../../core/disposition.js';
import type { FeedItem, ParsedFeed } from '../../core/feed-types.js';
import type { HttpClient } from '../../core/http-types.js';
import { VERSION } from '../../core/version.js';
import { decodeFeed, parseFeed } from '../../feeds/index.js';
import { createHttpClient, httpOptionsFromEnv } from '../../http/index.js';
import { writeJsonLine, writeLine } from '../output.js';
import { EXIT_FAILURE, EXIT_OK, type CliCommand, type CliIO } from '../types.js';

interface InspectOptions {
  json?: boolean;
}

const REMOTE_INPUT = /^https?:\/\//i;

export async function loadFeed(input: string, http: HttpClient): Promise<ParsedFeed> {
  if (REMOTE_INPUT.test(input)) {
    const response = await http.get({ url: input });
    return parseFeed(decodeFeed(response.body, response.headers['content-type']), response.url);
  }
  const text = decodeFeed(await readFile(input));
  const fromFile = parseFeed(text, pathToFileURL(resolve(input)).href);
  // A saved feed's relative links belong to its site, which its own absolute link names.
  const ownLink = fromFile.feed.link;
  return ownLink !== undefined && REMOTE_INPUT.test(ownLink) ? parseFeed(text, ownLink) : fromFile;
}

/** The `--json` contract: every field present, null when the feed does not say. */
function itemJson(item: FeedItem): Record<string, unknown> {
  return {
    id: item.id ?? null,
    title: item.title ?? null,
    link: item.link ?? null,
    canonical_url: item.canonical_url ?? null,
    published_at: item.published_at ?? null,
    author: item.author ?? null,
    authors: item.authors,
    summary: item.summary ?? null,
    content: item.content ?? null,
    enclosures: item.enclosures.map((e) => ({
      url: e.url,
      type: e.type ?? null,
      length: e.length ?? null,
    })),
  };
}

export function feedJson(input: string, parsed: ParsedFeed): Record<string, unknown> {
  const { title, link, description } = parsed.feed;
  return {
    input,
    feed: { title: title ?? null, link: link ?? null, description: description ?? null },
    items: parsed.items.map(itemJson),
  };
}

function printListing(out: NodeJS.WritableStream, input: string, parsed: ParsedFeed): void {
  writeLine(out, `${input}: ${parsed.feed.title ?? '(untitled)'} (${parsed.items.length} items)`);
  if (parsed.feed.link !== undefined) writeLine(out, `  ${parsed.feed.link}`);
  for (const item of parsed.items) {
    writeLine(out, `- ${item.published_at ?? 'undated'}  ${item.title ?? '(no title)'}`);
    writeLine(out, `    ${item.canonical_url ?? item.link ?? item.id ?? '(no link)'}`);
  }
}

/** One input: print it, or its error, and say whether it parsed. */
async function inspectOne(
  input: string,
  http: HttpClient,
  io: CliIO,
  json: boolean,
): Promise<boolean> {
  try {
    const parsed = await loadFeed(input, http);
    if (json) writeJsonLine(io.stdout, feedJson(input, parsed));
    else printListing(io.stdout, input, parsed);
    return true;
  } catch (err) {
    const code = routeError(err).code;
    if (json) writeJsonLine(io.stdout, { input, error: errorMessage(err), code });
    else writeLine(io.stderr, `${input}: ${code}: ${errorMessage(err)}`);
    return false;
  }
}

async function inspectAll(inputs: string[], io: CliIO, json: boolean): Promise<number> {
  const http = createHttpClient(httpOptionsFromEnv(loadEnv(io.env), VERSION));
  let failures = 0;
  try {
    for (const input of inputs) {
      if (!(await inspectOne(input, http, io, json))) failures++;
    }
  } finally {
    await http.close();
  }
  return failures === 0 ? EXIT_OK : EXIT_FAILURE;
}

export const feedInspectCommand: CliCommand = {
  build: (io, run) =>
    new Command('feed').description('work with single feeds').addCommand(
      new Command('inspect')
        .description('fetch or read each feed and print it as parsed')
        .argument('<inputs...>', 'feed URLs (http, https) or local files')
        .option('--json', 'one JSON line per input')
        .action((inputs: string[], options: InspectOptions) =>
          run(() => inspectAll(inputs, io, options.json === true), { json: options.json === true }),
        ),
    ),
};
