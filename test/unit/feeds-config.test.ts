import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadFeeds } from '../../src/config/feeds.js';
import { ConfigError } from '../../src/core/errors.js';

function writeYaml(lines: string[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'pw-feeds-')), 'feeds.yaml');
  writeFileSync(path, lines.join('\n'));
  return path;
}

test('polling bounds apply to every feed; a feed’s own bounds, robots and tags win', () => {
  const feeds = loadFeeds(
    writeYaml([
      'polling: { min_interval: 10m, max_interval: 2h }',
      'feeds:',
      '  - { id: a, url: https://a.example/rss }',
      '  - { id: b, url: https://b.example/rss, max_interval: 6h, robots: ignore, tags: [wire, de] }',
    ]),
  );
  assert.deepEqual(
    feeds.map((f) => [f.minIntervalMs, f.maxIntervalMs, f.robots, f.tags]),
    [
      [600_000, 7_200_000, undefined, undefined],
      [600_000, 21_600_000, 'ignore', ['wire', 'de']],
    ],
  );
});

test('bad bounds are reported all at once with their places', () => {
  const path = writeYaml([
    'feeds:',
    '  - { id: a, url: https://a.example/rss, max_interval: 0m }',
    '  - { id: b, url: https://b.example/rss, min_interval: 5s, robots: maybe }',
  ]);
  assert.throws(
    () => loadFeeds(path),
    (err: unknown) => {
      assert.ok(err instanceof ConfigError);
      assert.match(err.message, /feeds\[0\]\.max_interval: an interval from 1m to 1d/);
      assert.match(err.message, /feeds\[1\]\.min_interval: an interval from 1m to 1d/);
      assert.match(err.message, /feeds\[1\]\.robots: Invalid option/);
      return true;
    },
  );
});

test('a minimum above the maximum, from polling or the feed, is refused', () => {
  const path = writeYaml([
    'polling: { min_interval: 2h }',
    'feeds:',
    '  - { id: a, url: https://a.example/rss, max_interval: 1h }',
  ]);
  assert.throws(
    () => loadFeeds(path),
    /feeds\[0\]\.min_interval: min_interval is longer than max_interval/,
  );
});
