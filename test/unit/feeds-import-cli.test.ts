import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadFeeds } from '../../src/config/feeds.js';
import { jsonLines, runCli } from '../support/cli.js';

const OPML = fileURLToPath(new URL('../fixtures/feeds/subscriptions-200.opml', import.meta.url));

test('an OPML file with 200 feeds imports with its folders as tags', async () => {
  const config = mkdtempSync(join(tmpdir(), 'pw-import-'));
  const result = await runCli(['feeds', 'import', OPML, '--config', config, '--json'], {});
  assert.equal(result.code, 0, result.stderr);
  const [summary] = jsonLines(result.stdout);
  assert.equal((summary?.added as string[]).length, 200);
  const feeds = loadFeeds(join(config, 'feeds.yaml'));
  assert.equal(feeds.length, 200);
  assert.equal(new Set(feeds.map((f) => f.id)).size, 200);
  assert.deepEqual(feeds[0], {
    id: 'outlet-001-co',
    url: 'https://outlet001.example/feed.xml',
    name: 'Outlet 001 & Co',
    tags: ['Nachrichten', 'Deutschland'],
    intervalMs: 900_000,
    enabled: true,
  });
  assert.deepEqual(feeds[199]?.tags, ['Regional', 'Caucasus']);
  assert.deepEqual(feeds[100]?.tags, ['Новости', 'Россия']);
});

test('importing into an existing feeds.yaml keeps its text and merges tags by URL', async () => {
  const config = mkdtempSync(join(tmpdir(), 'pw-import-'));
  const path = join(config, 'feeds.yaml');
  writeFileSync(
    path,
    '# our list\nfeeds:\n  - id: first\n    url: https://outlet001.example/feed.xml # kept\n    tags: [mine]\n  - id: outlet-002-co\n    url: https://elsewhere.example/rss\n',
  );
  const dry = await runCli(['feeds', 'import', OPML, '--config', config, '--dry-run'], {});
  assert.match(dry.stdout, /would write .*199 feeds added, 1 given new tags/);
  assert.equal(loadFeeds(path).length, 2);
  const result = await runCli(['feeds', 'import', OPML, '--config', config], {});
  assert.equal(result.code, 0, result.stderr);
  const text = readFileSync(path, 'utf8');
  assert.match(text, /^# our list/);
  assert.match(text, /# kept/);
  const feeds = loadFeeds(path);
  assert.equal(feeds.length, 201);
  assert.deepEqual(feeds[0]?.tags, ['mine', 'Nachrichten', 'Deutschland']);
  assert.ok(
    feeds.some((f) => f.id === 'outlet-002-co-2'),
    'a taken id gets a suffix',
  );
  const again = await runCli(['feeds', 'import', OPML, '--config', config, '--json'], {});
  assert.equal(jsonLines(again.stdout)[0]?.unchanged, 200);
});

test('a file that is not OPML is a usage error', async () => {
  const config = mkdtempSync(join(tmpdir(), 'pw-import-'));
  const bad = join(config, 'list.opml');
  writeFileSync(bad, '<html><body>no</body></html>');
  const result = await runCli(['feeds', 'import', bad, '--config', config], {});
  assert.equal(result.code, 2);
  assert.match(result.stderr, /not an OPML file/);
});
