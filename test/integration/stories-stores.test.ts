import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ArticleStore } from '../../src/core/store-types.js';
import { createStoryStage } from '../../src/pipeline/story-stage.js';
import { gatherStory, storyView } from '../../src/stories/index.js';
import { fixtureDocument, STORY_FIXTURES } from '../support/story-fixtures.js';
import {
  amendIn,
  assertSearchFilters,
  directory,
  storeOneByOne,
  heldWriter,
  STORY_STORES,
} from './stories-stores-support.js';

/** What the fixtures expect of the story view: origin and copied_from of each member. */
function expectedView(origin: string) {
  const members = STORY_FIXTURES.filter((f) => f.expect.origin === origin);
  return Object.fromEntries(members.map((f) => [f.id, f.expect.copied_from ?? null]));
}

async function viewOf(store: ArticleStore, id: string) {
  const seed = (await store.get(id))!;
  const view = storyView(await gatherStory(store, seed, directory), directory)!;
  const members = [view.origin, ...view.copies];
  return {
    view,
    copiedFrom: Object.fromEntries(members.map((m) => [m.id, m.copied_from ?? null])),
  };
}

for (const named of STORY_STORES) {
  describe(`stories on ${named.name}: the fixtures in crawl order`, () => {
    let store: ArticleStore;
    let drop: () => Promise<void>;

    before(async () => {
      ({ store, drop } = await named.open());
      await storeOneByOne(store, STORY_FIXTURES);
    });
    after(() => drop());

    for (const fixture of STORY_FIXTURES) {
      test(`${fixture.id}: story_id, copied_from, source.id as stored`, async () => {
        const doc = (await store.get(fixture.id))!;
        const { story, copied_from, copied_by } = fixture.expect;
        assert.deepEqual(
          [doc.story_id, doc.copied_from, doc.copied_by],
          [story, copied_from, copied_by],
        );
        assert.equal(doc.source.id, directory.sourceOf(fixture.host));
        assert.equal(doc.lsh_keys?.length, 64);
      });
    }

    test('the story view: origin first, each copy with its overlap and what it copies', async () => {
      const { view, copiedFrom } = await viewOf(store, 'copy-mirror');
      assert.equal(view.origin.id, 'original');
      assert.equal(view.origin.source_id, 'rt-de');
      assert.deepEqual(copiedFrom, expectedView('original'));
      for (const copy of view.copies) assert.ok(copy.overlap >= 0.5, `${copy.id}: ${copy.overlap}`);
    });

    test('search --origin-only leaves out copies, --copies-of finds them', () =>
      assertSearchFilters(store));
  });

  describe(`stories on ${named.name}: every copy in one bulk batch`, () => {
    let store: ArticleStore;
    let drop: () => Promise<void>;

    before(async () => {
      ({ store, drop } = await named.open());
      const story = createStoryStage({ articles: store, directory, amend: amendIn(store) });
      const writer = heldWriter(store);
      // All at once, as concurrent jobs of one process: none is stored before all are decided.
      const docs = await Promise.all(STORY_FIXTURES.map((f) => story(fixtureDocument(f))));
      const written = docs.map((doc) => writer.write(doc));
      await writer.flush();
      await Promise.all(written);
      await store.refresh();
    });
    after(() => drop());

    test('the copies still share one story, the unrelated articles stay apart', async () => {
      const docs = await Promise.all(STORY_FIXTURES.map(async (f) => (await store.get(f.id))!));
      const storyOf = new Map(docs.map((d) => [d.id, d.story_id]));
      for (const fixture of STORY_FIXTURES) {
        const sameStory = STORY_FIXTURES.filter(
          (f) => storyOf.get(f.id) === storyOf.get(fixture.id),
        );
        const expected = STORY_FIXTURES.filter((f) => f.expect.story === fixture.expect.story);
        assert.deepEqual(
          sameStory.map((f) => f.id),
          expected.map((f) => f.id),
          fixture.id,
        );
      }
    });

    test('read time names the origin and what each copy copies, whatever the write order', async () => {
      const { view, copiedFrom } = await viewOf(store, 'copy-shortened');
      assert.equal(view.origin.id, 'original');
      assert.deepEqual(copiedFrom, expectedView('original'));
      assert.equal((await viewOf(store, 'en-copy-according')).view.origin.id, 'en-original');
    });
  });
}
