import { loadEnv } from '../../../config/env.js';
import { VERSION } from '../../../core/version.js';
import { discoverFeeds } from '../../../feeds/discover.js';
import { createHttpClient, httpOptionsFromEnv } from '../../../http/index.js';
import { writeJsonLine, writeLine } from '../../output.js';
import { EXIT_FAILURE, EXIT_OK, type CliIO } from '../../types.js';

export interface DiscoverOptions {
  json?: boolean;
}

/** Prints the feeds of a site, one per line; exit 1 when none was found. */
export async function discover(io: CliIO, url: string, options: DiscoverOptions): Promise<number> {
  const http = createHttpClient(httpOptionsFromEnv(loadEnv(io.env), VERSION));
  try {
    const feeds = await discoverFeeds(http, url);
    for (const feed of feeds) {
      if (options.json) writeJsonLine(io.stdout, { input: url, ...feed });
      else writeLine(io.stdout, `${feed.url}  ${feed.title ?? ''}  (${feed.via})`);
    }
    if (feeds.length === 0 && !options.json) writeLine(io.stderr, `${url}: no feed found`);
    return feeds.length > 0 ? EXIT_OK : EXIT_FAILURE;
  } finally {
    await http.close();
  }
}
