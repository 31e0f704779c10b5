import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadSources } from '../../src/config/sources.js';
import { silentLogger } from '../../src/core/logger.js';
import type { StoryFieldUpdate } from '../../src/core/store-types.js';
import { documentId } from '../../src/feeds/canonical-url.js';
import { createStoryStage } from '../../src/pipeline/story-stage.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import { sourceDirectory } from '../../src/stories/index.js';
import { jsonLines, runCli } from '../support/cli.js';
import { fixtureDocument, STORY_FIXTURES } from '../support/story-fixtures.js';

/** The fixtures under the ids the pipeline gives their URLs, so the CLI can find them by URL. */
const DOCS = STORY_FIXTURES.map((fixture) => {
  const doc = fixtureDocument(fixture);
  return { ...doc, id: documentId(doc.url) };
});
const idOf = (name: string) => DOCS[STORY_FIXTURES.findIndex((f) => f.id === name)]!.id;
const urlOf = (name: string) => DOCS[STORY_FIXTURES.findIndex((f) => f.id === name)]!.url;

describe('presswatch story and search --origin-only / --copies-of on the embedded store', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pw-stories-cli-'));
  const env = { PRESSWATCH_DATA_DIR: dataDir, PRESSWATCH_CONFIG: 'config', LOG_LEVEL: 'silent' };

  before(async () => {
    const sqlite = openSqliteStore({ dataDir, logger: silentLogger() });
    const directory = sourceDirectory(loadSources('config/sources.yaml'));
    const amend = (updates: StoryFieldUpdate[]) => sqlite.articles.updateStoryFields(updates);
    const story = createStoryStage({ articles: sqlite.articles, directory, amend });
    for (const doc of DOCS) await sqlite.articles.putMany([await story(doc)]);
    await sqlite.close();
  });
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  test('story <url> --json: the origin and every copy, with overlap and copied_from', async () => {
    const result = await runCli(['story', urlOf('copy-reheadlined'), '--json'], env);
    assert.equal(result.code, 0, result.stderr);
    const [view] = jsonLines(result.stdout) as [
      { origin: { id: string }; copies: { id: string; copied_from?: string; overlap: number }[] },
    ];
    assert.equal(view.origin.id, idOf('original'));
    const expected = STORY_FIXTURES.filter(
      (f) => f.expect.copied_from && f.expect.origin === 'original',
    );
    assert.deepEqual(
      view.copies.map((c) => [c.id, c.copied_from]).sort(),
      expected.map((f) => [idOf(f.id), idOf(f.expect.copied_from!)]).sort(),
    );
  });

  test('story <id> in text: one line per member, the origin first', async () => {
    const result = await runCli(['story', idOf('en-copy-according')], env);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /origin and 1 copies/);
    assert.match(result.stdout, /^origin .*100%\s+tass\s+tass\.com/m);
  });

  test('story of an unknown document fails with exit code 1', async () => {
    const result = await runCli(['story', 'https://nowhere.example/a'], env);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /no stored document/);
  });

  test('search --origin-only and --copies-of <url>', async () => {
    const origins = await runCli(['search', '--origin-only', '--json', '--limit', '100'], env);
    const notCopies = STORY_FIXTURES.filter((f) => !f.expect.copied_from).map((f) => idOf(f.id));
    assert.deepEqual(
      jsonLines(origins.stdout)
        .map((d) => d.id)
        .sort(),
      notCopies.sort(),
    );
    const copies = await runCli(['search', '--copies-of', urlOf('original'), '--json'], env);
    const direct = STORY_FIXTURES.filter((f) => f.expect.copied_from === 'original');
    assert.deepEqual(
      jsonLines(copies.stdout)
        .map((d) => d.id)
        .sort(),
      direct.map((f) => idOf(f.id)).sort(),
    );
  });
});
