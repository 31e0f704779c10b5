import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from '@elastic/elasticsearch';
import { generateArticles } from '../../bench/search-data.js';
import { indexNames } from '../../src/store/elasticsearch/mapping.js';
import { jsonLines, runCli } from '../support/cli.js';
import { uniquePrefix } from '../support/e2e.js';
import { requireServices } from '../support/services.js';

const DOCS = [...generateArticles(150, 11)];

describe('moving an archive between the embedded store and Elasticsearch, and retagging both', () => {
  const { elasticsearchUrl } = requireServices();
  const prefix = uniquePrefix('move');
  const work = mkdtempSync(path.join(tmpdir(), 'pw-move-'));
  const embedded = { PRESSWATCH_DATA_DIR: path.join(work, 'embedded'), LOG_LEVEL: 'warn' };
  const scaled = {
    ELASTICSEARCH_URL: elasticsearchUrl,
    PRESSWATCH_INDEX_PREFIX: prefix,
    PRESSWATCH_DATA_DIR: path.join(work, 'scaled-state'),
    LOG_LEVEL: 'warn',
  };
  const archive = path.join(work, 'archive.ndjson');

  // Imported, so the embedded store groups them into stories as Elasticsearch's import would.
  before(async () => {
    const generated = path.join(work, 'generated.ndjson');
    const lines = DOCS.flatMap((doc) => [JSON.stringify({ index: {} }), JSON.stringify(doc)]);
    writeFileSync(generated, lines.join('\n'));
    const imported = await runCli(['import', generated], embedded);
    assert.equal(imported.code, 0, imported.stderr);
  });

  after(async () => {
    const admin = new Client({ node: elasticsearchUrl });
    await admin.indices.delete({ index: indexNames(prefix).firstIndex }, { ignore: [404] });
    await admin.close();
    rmSync(work, { recursive: true, force: true });
  });

  test('export --ndjson writes the bulk format; import stores every document in Elasticsearch', async () => {
    const exported = await runCli(['export', '--ndjson'], embedded);
    assert.equal(exported.code, 0, exported.stderr);
    const lines = jsonLines(exported.stdout);
    assert.equal(lines.length, DOCS.length * 2);
    assert.deepEqual(lines[0], { index: { _index: `presswatch-articles`, _id: lines[1]!.id } });
    writeFileSync(archive, exported.stdout);
    assert.equal((await runCli(['setup'], scaled)).code, 0);
    const imported = await runCli(['import', archive, '--json'], scaled);
    assert.equal(imported.code, 0, imported.stderr);
    assert.deepEqual(JSON.parse(imported.stdout), { read: 150, imported: 150, failed: 0 });
  });

  const bothAgree = async (args: string[]) => {
    const [a, b] = [await runCli(args, embedded), await runCli(args, scaled)];
    assert.equal(a.code, 0, a.stderr);
    assert.equal(b.code, 0, b.stderr);
    // indexed_at is when each store took the document in, the one field that must differ.
    const comparable = (text: string) => text.replace(/"indexed_at":"[^"]*",/g, '');
    assert.equal(comparable(a.stdout), comparable(b.stdout), args.join(' '));
    return a.stdout;
  };

  test('the same CLI answers the same on both: pairs and countries in any case, CSV, histograms per topic', async () => {
    const json = await bothAgree([
      'search',
      '--pair',
      'ru-cn',
      '--country',
      'ru',
      '--limit',
      '5',
      '--json',
    ]);
    assert.ok(jsonLines(json).length > 0);
    const csv = await bothAgree(['search', 'gas', '--csv', '--limit', '50']);
    assert.match(
      csv,
      /^id,published_at,feed_id,source_domain,language,title,url,topics,countries,pairs,actors\n/,
    );
    const weeks = await bothAgree([
      'search',
      '--histogram',
      'week',
      '--by',
      'topic',
      '--json',
      '--from',
      '2025-02-01',
      '--to',
      '2025-04-30',
    ]);
    const first = jsonLines(weeks)[0]!;
    assert.equal(first.bucket, '2025-01-27', 'weeks start on Monday');
    assert.equal(typeof first.topics, 'object');
    await bothAgree([
      'search',
      '--histogram',
      'month',
      '--by',
      'topic',
      '--csv',
      '--topic',
      'sanctions',
    ]);
  });

  test('retag re-tags from stored text on both stores, then finds nothing left to change', async () => {
    for (const env of [embedded, scaled]) {
      const first = await runCli(['retag', '--json'], env);
      assert.equal(first.code, 0, first.stderr);
      assert.deepEqual(JSON.parse(first.stdout), {
        scanned: 150,
        changed: 150,
        unchanged: 0,
        failed: 0,
      });
      const again = await runCli(['retag', '--since', '2026-01-01', '--json'], env);
      const counts = JSON.parse(again.stdout) as { scanned: number; changed: number };
      assert.ok(counts.scanned > 0 && counts.scanned < 150, String(counts.scanned));
      assert.equal(counts.changed, 0);
    }
    // A page of dated hits: undated ones tie, and ties are ordered by score in Elasticsearch.
    await bothAgree(['search', '--topic', 'sanctions', '--json', '--limit', '20']);
    const hit = jsonLines(await bothAgree(['search', '--json', '--limit', '1']))[0]!;
    assert.notEqual(hit.tagger_version, 'generated');
  });

  test('import reports a broken line with its place and goes on', async () => {
    const broken = path.join(work, 'broken.ndjson');
    const good = (await runCli(['export', '--ndjson'], embedded)).stdout.split('\n').slice(0, 2);
    writeFileSync(
      broken,
      [...good, '{"delete":{"_id":"x"}}', '{}', '{"index":{}}', '{"title":1}', ''].join('\n'),
    );
    const result = await runCli(['import', broken, '--json'], embedded);
    assert.equal(result.code, 1);
    assert.deepEqual(JSON.parse(result.stdout), { read: 3, imported: 1, failed: 2 });
    assert.match(result.stderr, /broken\.ndjson:3: only index and create actions/);
    assert.match(result.stderr, /broken\.ndjson:5: title: /);
  });
});
