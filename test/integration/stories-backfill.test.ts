import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ArticleDocument } from '../../src/core/document.js';
import { silentLogger } from '../../src/core/logger.js';
import { StoreUnavailableError } from '../../src/core/stage-errors.js';
import type { ArticleStore } from '../../src/core/store-types.js';
import { createElasticsearchStore } from '../../src/store/elasticsearch/index.js';
import { createStoryStage } from '../../src/pipeline/story-stage.js';
import {
  STORY_STORES,
  COPIES_FIRST,
  amendIn,
  assertSearchFilters,
  directory,
  storeOneByOne,
  heldWriter,
} from './stories-stores-support.js';
import { fixtureDocument, STORY_FIXTURES } from '../support/story-fixtures.js';

/** Credited in prose only ("according to TASS", "RT DE zufolge"): no cited domain. */
const PROSE_CREDITED = ['copy-shortened', 'copy-paragraph-added', 'en-copy-according'];

async function assertStoredCopiedFrom(store: ArticleStore): Promise<void> {
  for (const fixture of STORY_FIXTURES) {
    const doc = (await store.get(fixture.id))!;
    const { copied_from, copied_by } = fixture.expect;
    assert.deepEqual([doc.copied_from, doc.copied_by], [copied_from, copied_by], fixture.id);
  }
  for (const id of PROSE_CREDITED) {
    assert.equal((await store.get(id))!.copied_by, 'credit', id);
  }
  const original = (await store.get('original'))!;
  assert.deepEqual([original.copied_from, original.origin_overlap], [undefined, 1]);
}

for (const named of STORY_STORES) {
  describe(`stories on ${named.name}: the copies stored first, then their origin`, () => {
    let store: ArticleStore;
    let drop: () => Promise<void>;

    before(async () => {
      ({ store, drop } = await named.open());
      await storeOneByOne(store, COPIES_FIRST);
    });
    after(() => drop());

    test('each stored copy now names what it copies, the origin names none', () =>
      assertStoredCopiedFrom(store));

    test('search --origin-only returns the origins only, --copies-of the copies', () =>
      assertSearchFilters(store));

    test('an update of a document not stored is skipped, the others applied', async () => {
      const update = { id: 'unrelated-1', copied_from: 'original', origin_overlap: 0.5 };
      await store.updateStoryFields([{ id: 'never-stored', origin_overlap: 1 }, update]);
      const doc = (await store.get('unrelated-1'))!;
      assert.deepEqual(
        [doc.copied_from, doc.copied_by, doc.origin_overlap],
        ['original', undefined, 0.5],
      );
      assert.equal(await store.get('never-stored'), undefined);
      await store.updateStoryFields([{ id: 'unrelated-1', origin_overlap: 1 }]);
      assert.equal((await store.get('unrelated-1'))!.copied_from, 'original', 'left out, kept');
    });

    test('each copy stores how much of the new origin it carries', async () => {
      const mirror = (await store.get('copy-mirror'))!;
      assert.ok(mirror.origin_overlap! > 0.9 && mirror.origin_overlap! < 1.001);
      const shortened = (await store.get('copy-shortened'))!;
      assert.ok(shortened.origin_overlap! < 0.95, `${shortened.origin_overlap}`);
    });
  });

  describe(`stories on ${named.name}: the origin decided while its copies wait in the writer`, () => {
    let store: ArticleStore;
    let drop: () => Promise<void>;

    before(async () => {
      ({ store, drop } = await named.open());
      const story = createStoryStage({ articles: store, directory, amend: amendIn(store) });
      const writer = heldWriter(store);
      const docs: ArticleDocument[] = [];
      for (const fixture of COPIES_FIRST) docs.push(await story(fixtureDocument(fixture)));
      const written = docs.map((doc) => writer.write(doc));
      await writer.flush();
      await Promise.all(written);
      await store.refresh();
    });
    after(() => drop());

    test('the copies are stored naming the origin decided after them', () =>
      assertStoredCopiedFrom(store));

    test('search --origin-only and --copies-of agree', () => assertSearchFilters(store));
  });
}

test('an unreachable Elasticsearch refuses story updates with StoreUnavailableError', async () => {
  const store = createElasticsearchStore({
    node: 'http://127.0.0.1:9',
    indexPrefix: 'unreachable',
    logger: silentLogger(),
  });
  await assert.rejects(
    store.updateStoryFields([{ id: 'a', origin_overlap: 1 }]),
    StoreUnavailableError,
  );
  await store.close();
});
