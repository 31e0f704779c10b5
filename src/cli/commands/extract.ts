import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { Command } from 'commander';
import { decodeHtml, extractArticle } from '../../articles/index.js';
import { loadEnv } from '../../config/env.js';
import { errorMessage, routeError } from '../../core/disposition.js';
import type { Extraction } from '../../core/document.js';
import type { HttpClient } from '../../core/http-types.js';
import { VERSION } from '../../core/version.js';
import { createHttpClient, httpOptionsFromEnv } from '../../http/index.js';
import { writeJsonLine, writeLine } from '../output.js';
import { EXIT_FAILURE, EXIT_OK, type CliCommand, type CliIO } from '../types.js';

interface ExtractOptions {
  json?: boolean;
  url?: string;
}

interface Page {
  html: string;
  url: string;
}

const REMOTE_INPUT = /^https?:\/\//i;

async function loadPage(input: string, http: HttpClient, baseUrl?: string): Promise<Page> {
  if (REMOTE_INPUT.test(input)) {
    const response = await http.get({ url: input });
    return { html: decodeHtml(response.body, response.headers['content-type']), url: response.url };
  }
  const raw = await readFile(input);
  const bytes = input.endsWith('.gz') ? gunzipSync(raw) : raw;
  return { html: decodeHtml(bytes), url: baseUrl ?? pathToFileURL(resolve(input)).href };
}

/** The `--json` contract: every field present, null when the page does not say. */
function extractionJson(input: string, url: string, e: Extraction): Record<string, unknown> {
  return {
    input,
    url: e.canonical_url ?? url,
    title: e.title ?? null,
    authors: e.authors,
    published_at: e.published_at ?? null,
    updated_at: e.updated_at ?? null,
    language: e.language ?? null,
    site_name: e.site_name ?? null,
    lead_image: e.lead_image ?? null,
    provenance: e.provenance ?? {},
    warnings: e.warnings ?? [],
    text: e.text,
    html: e.html ?? null,
  };
}

function printExtraction(out: NodeJS.WritableStream, url: string, e: Extraction): void {
  writeLine(out, `# ${e.title ?? '(untitled)'}`);
  writeLine(out, `url: ${e.canonical_url ?? url}`);
  if (e.authors.length > 0) writeLine(out, `authors: ${e.authors.join(', ')}`);
  if (e.published_at !== undefined) writeLine(out, `published: ${e.published_at}`);
  if (e.language !== undefined) writeLine(out, `language: ${e.language}`);
  if (e.cites.length > 0) writeLine(out, `cites: ${e.cites.join(', ')}`);
  for (const warning of e.warnings ?? []) writeLine(out, `warning: ${warning}`);
  writeLine(out);
  writeLine(out, e.text);
  writeLine(out);
}

/** One input: print its extraction, or its error, and say whether it worked. */
async function extractOne(
  input: string,
  http: HttpClient,
  io: CliIO,
  options: ExtractOptions,
): Promise<boolean> {
  try {
    const page = await loadPage(input, http, options.url);
    const extraction = extractArticle(page.html, page.url);
    if (options.json === true)
      writeJsonLine(io.stdout, extractionJson(input, page.url, extraction));
    else printExtraction(io.stdout, page.url, extraction);
    return true;
  } catch (err) {
    const code = routeError(err).code;
    if (options.json === true) writeJsonLine(io.stdout, { input, error: errorMessage(err), code });
    else writeLine(io.stderr, `${input}: ${code}: ${errorMessage(err)}`);
    return false;
  }
}

async function extractAll(inputs: string[], io: CliIO, options: ExtractOptions): Promise<number> {
  const http = createHttpClient(httpOptionsFromEnv(loadEnv(io.env), VERSION));
  let failures = 0;
  try {
    for (const input of inputs) {
      if (!(await extractOne(input, http, io, options))) failures++;
    }
  } finally {
    await http.close();
  }
  return failures === 0 ? EXIT_OK : EXIT_FAILURE;
}

export const extractCommand: CliCommand = {
  build: (io, run) =>
    new Command('extract')
      .description('fetch or read each page and print the article extracted from it')
      .argument('<inputs...>', 'page URLs (http, https) or local files (.html, .html.gz)')
      .option('--json', 'one JSON line per input')
      .option('--url <url>', 'the page URL of local files, for relative links and cites')
      .action((inputs: string[], options: ExtractOptions) =>
        run(() => extractAll(inputs, io, options), { json: options.json === true }),
      ),
};
