import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { importFile } from '../../src/cli/commands/import.js';
import type { ArticleDocument } from '../../src/core/document.js';
import { silentLogger } from '../../src/core/logger.js';
import type { ArticleStore } from '../../src/core/store-types.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import { jsonLines, runCli } from '../support/cli.js';
import { fixtureDocument, STORY_FIXTURES } from '../support/story-fixtures.js';
import { COPIES_FIRST, directory, STORY_STORES } from './stories-stores-support.js';

/** Each copy before its origin, as an archive in another order than publication may hold them. */
const ARCHIVED = COPIES_FIRST.map(fixtureDocument);
/** Exported with a story already: import keeps it as it was. */
const GROUPED: ArticleDocument = {
  ...fixtureDocument(STORY_FIXTURES.find((f) => f.id === 'unrelated-2')!),
  id: 'grouped-before',
  story_id: 'exported-story',
};

function bulkFile(dir: string, docs: ArticleDocument[]): string {
  const file = path.join(dir, 'archive.ndjson');
  const lines = docs.flatMap((doc) => [
    JSON.stringify({ index: { _id: doc.id } }),
    JSON.stringify(doc),
  ]);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** Each fixture's copied_from and copied_by, and the story ids of the two stories. */
async function assertStories(store: ArticleStore): Promise<void> {
  const stories = new Map<string, string>();
  for (const fixture of STORY_FIXTURES) {
    const doc = (await store.get(fixture.id))!;
    const { story, copied_from, copied_by } = fixture.expect;
    assert.deepEqual([doc.copied_from, doc.copied_by], [copied_from, copied_by], fixture.id);
    assert.equal(stories.get(story) ?? doc.story_id, doc.story_id, `${fixture.id} in ${story}`);
    stories.set(story, doc.story_id!);
  }
  assert.equal(new Set(stories.values()).size, stories.size, 'one story id per story');
  const according = (await store.get('en-copy-according'))!;
  assert.deepEqual(according.credited_sources, ['tass']);
  assert.equal((await store.get('grouped-before'))!.story_id, 'exported-story');
}

const work = mkdtempSync(path.join(tmpdir(), 'pw-stories-import-'));
const archive = bulkFile(work, [...ARCHIVED, GROUPED]);
after(() => rmSync(work, { recursive: true, force: true }));

for (const named of STORY_STORES) {
  describe(`import on ${named.name}: documents exported before story grouping`, () => {
    let store: ArticleStore;
    let drop: () => Promise<void>;

    before(async () => {
      ({ store, drop } = await named.open());
      const errors: string[] = [];
      const counts = await importFile(store, archive, { directory, report: (e) => errors.push(e) });
      assert.deepEqual([counts.imported, errors], [ARCHIVED.length + 1, []]);
    });
    after(() => drop());

    test('get their stories, origins and copied_from as the pipeline gives them', () =>
      assertStories(store));
  });
}

test('presswatch import groups the documents into stories with the configured sources', async () => {
  const env = { PRESSWATCH_DATA_DIR: path.join(work, 'cli'), LOG_LEVEL: 'warn' };
  const result = await runCli(['import', archive, '--json'], env);
  assert.equal(result.code, 0, result.stderr);
  assert.equal(jsonLines(result.stdout)[0]!.imported, ARCHIVED.length + 1);
  const sqlite = openSqliteStore({ dataDir: env.PRESSWATCH_DATA_DIR, logger: silentLogger() });
  try {
    await assertStories(sqlite.articles);
  } finally {
    await sqlite.close();
  }
});
