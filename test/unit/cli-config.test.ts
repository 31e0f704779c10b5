import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli.js';
import { parseSearchQuery } from '../../src/cli/commands/search.js';
import { UsageError } from '../../src/core/errors.js';

test('a broken feeds.yaml stops every command with exit 2 and every mistake listed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pw-cli-'));
  writeFileSync(
    join(dir, 'feeds.yaml'),
    'feeds:\n  - id: UPPER\n    url: nope\n  - id: b\n    url: https://b.example/\n    every: 5m\n',
  );
  const result = await runCli(['run', '--once', '--config', dir], { PRESSWATCH_DATA_DIR: dir });
  assert.equal(result.code, 2);
  assert.match(result.stderr, /feeds\[0\]\.id: lowercase letters/);
  assert.match(result.stderr, /feeds\[0\]\.url: not a URL/);
  assert.match(result.stderr, /feeds\[1\].*every/);
});

test('bad usage exits 2', async () => {
  const result = await runCli(['search', '--histogram', 'year'], {});
  assert.equal(result.code, 2);
});

test('search options are validated and normalised once', () => {
  const query = parseSearchQuery('Bündnis', {
    pair: 'ru-cn',
    country: 'ru',
    limit: '5',
    from: '2026-11-01',
  });
  assert.deepEqual(query, {
    text: 'Bündnis',
    pair: 'CN-RU',
    country: 'RU',
    limit: 5,
    from: '2026-11-01',
  });
  assert.throws(() => parseSearchQuery(undefined, { from: '27.11.2026' }), UsageError);
});
