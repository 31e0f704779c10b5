import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FeedParseError } from '../../src/core/stage-errors.js';
import { decodeFeed, parseFeed } from '../../src/feeds/index.js';

/** The shared development corpus (feedparser and gofeed test documents), read-only. */
const CORPUS_DIR = '/work/shared/data/feeds';
/** A feed document of a few KB parses in milliseconds; seconds means a hang or a blow-up. */
const PER_DOCUMENT_LIMIT_MS = 3000;
/** The whole corpus takes about 3 s; the runner kills a real hang after this. */
const WHOLE_CORPUS_LIMIT_MS = 120_000;

function documents(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return documents(path);
    return /\.(xml|json|rdf|atom|rss)$/i.test(name) && !name.endsWith('.expect.json') ? [path] : [];
  });
}

/** The Content-Type the original test served, where the document records it in a comment. */
function declaredContentType(bytes: Buffer): string | undefined {
  return /Header:\s*Content-type:\s*([^\r\n]+)/i.exec(
    bytes.subarray(0, 2048).toString('latin1'),
  )?.[1];
}

test(
  'every corpus document decodes and parses, or fails with FeedParseError, quickly',
  { timeout: WHOLE_CORPUS_LIMIT_MS },
  (t) => {
    assert.ok(existsSync(CORPUS_DIR), `feed corpus missing at ${CORPUS_DIR}`);
    const paths = documents(CORPUS_DIR);
    assert.ok(paths.length > 1000, `expected the full corpus, found ${paths.length} documents`);
    const tally = { parsed: 0, feedParseErrors: 0, items: 0 };
    const slow: string[] = [];
    for (const path of paths) {
      const bytes = readFileSync(path);
      const started = performance.now();
      try {
        tally.items += parseFeed(
          decodeFeed(bytes, declaredContentType(bytes)),
          pathToFileURL(path).href,
        ).items.length;
        tally.parsed++;
      } catch (err) {
        if (!(err instanceof FeedParseError)) assert.fail(`${path}: ${String(err)}`);
        tally.feedParseErrors++;
      }
      const elapsed = performance.now() - started;
      if (elapsed > PER_DOCUMENT_LIMIT_MS) slow.push(`${path}: ${Math.round(elapsed)} ms`);
    }
    t.diagnostic(
      `corpus: ${paths.length} documents, ${tally.parsed} parsed (${tally.items} items), ${tally.feedParseErrors} FeedParseError`,
    );
    assert.deepEqual(slow, []);
    assert.equal(tally.parsed + tally.feedParseErrors, paths.length);
    // Most of the corpus is well-formed; a collapse of this ratio means a regression.
    assert.ok(tally.parsed > paths.length * 0.75, JSON.stringify(tally));
  },
);
