import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadFeeds } from '../../src/config/feeds.js';
import { loadEnv } from '../../src/config/env.js';
import { ConfigError } from '../../src/core/errors.js';

function writeYaml(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'pw-config-')), 'feeds.yaml');
  writeFileSync(path, text);
  return path;
}

test('a valid feeds.yaml gives typed feeds with defaults', () => {
  const feeds = loadFeeds(
    writeYaml(
      'feeds:\n  - id: rt-de\n    url: https://de.rt.com/feeds/news/\n    interval: 10m\n  - id: b\n    url: http://b.example/rss\n',
    ),
  );
  assert.equal(feeds.length, 2);
  assert.deepEqual(feeds[0], {
    id: 'rt-de',
    url: 'https://de.rt.com/feeds/news/',
    intervalMs: 600_000,
    enabled: true,
  });
  assert.equal(feeds[1]?.intervalMs, 15 * 60_000);
});

test('every mistake is reported at once, with its place', () => {
  const path = writeYaml(
    [
      'feeds:',
      '  - id: ok',
      '    url: https://a.example/feed',
      '  - id: Bad_Id',
      '    url: https://b.example/feed',
      '  - id: ok',
      '    url: not a url',
      '    colour: red',
      '  - id: slow',
      '    url: https://c.example/feed',
      '    interval: 3 weeks',
    ].join('\n'),
  );
  let issues: string[] = [];
  assert.throws(
    () => loadFeeds(path, 'config/feeds.yaml'),
    (err: ConfigError) => ((issues = err.issues), true),
  );
  assert.ok(
    issues.includes('config/feeds.yaml: feeds[1].id: lowercase letters, digits and - only'),
    issues.join('\n'),
  );
  assert.ok(issues.includes('config/feeds.yaml: feeds[2].url: not a URL'), issues.join('\n'));
  assert.ok(
    issues.some((i) => i.startsWith('config/feeds.yaml: feeds[2]') && i.includes('colour')),
    issues.join('\n'),
  );
  assert.ok(
    issues.includes(
      'config/feeds.yaml: feeds[3].interval: an interval from 1m to 1d, such as 10m or 2h',
    ),
  );
});

test('duplicate ids are reported', () => {
  const path = writeYaml(
    'feeds:\n  - id: a\n    url: https://a.example/\n  - id: a\n    url: https://b.example/\n',
  );
  assert.throws(
    () => loadFeeds(path, 'f.yaml'),
    (err: ConfigError) => err.issues.includes('f.yaml: feeds[1].id: duplicate id a'),
  );
});

test('YAML syntax errors and a missing file are config errors', () => {
  assert.throws(() => loadFeeds(writeYaml('feeds: [\n  - id: x'), 'f.yaml'), ConfigError);
  assert.throws(
    () => loadFeeds('/nonexistent/feeds.yaml', 'f.yaml'),
    /f.yaml: cannot read \(ENOENT\)/,
  );
});

test('the environment is validated with every issue listed', () => {
  const env = loadEnv({ PRESSWATCH_ALLOW_PRIVATE_NETWORKS: 'true' });
  assert.equal(env.PRESSWATCH_ALLOW_PRIVATE_NETWORKS, true);
  assert.equal(env.PRESSWATCH_INDEX_PREFIX, 'presswatch');
  assert.throws(
    () => loadEnv({ REDIS_URL: 'nope', PRESSWATCH_INDEX_PREFIX: 'Bad Prefix' }),
    (err: ConfigError) =>
      err.issues.length === 2 && err.issues[0]!.startsWith('environment: REDIS_URL'),
  );
});
