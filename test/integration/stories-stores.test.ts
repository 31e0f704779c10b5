import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from '@elastic/elasticsearch';
import { loadSources } from '../../src/config/sources.js';
import { silentLogger } from '../../src/core/logger.js';
import type { ArticleStore } from '../../src/core/store-types.js';
import { createStoryStage } from '../../src/pipeline/story-stage.js';
import { BulkWriter } from '../../src/store/bulk-writer.js';
import { createElasticsearchStore } from '../../src/store/elasticsearch/index.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import { gatherStory, sourceDirectory, storyView } from '../../src/stories/index.js';
import { uniquePrefix } from '../support/e2e.js';
import { requireServices } from '../support/services.js';
import { fixtureDocument, STORY_FIXTURES } from '../support/story-fixtures.js';

const directory = sourceDirectory(loadSources('config/sources.yaml'));
const { elasticsearchUrl } = requireServices();

interface OpenedStore {
  store: ArticleStore;
  /** Closes the store and removes what the test made. */
  drop(): Promise<void>;
}

interface NamedStore {
  name: string;
  open(): Promise<OpenedStore>;
}

const STORES: NamedStore[] = [
  {
    name: 'Elasticsearch',
    async open() {
      const store = createElasticsearchStore({
        node: elasticsearchUrl,
        indexPrefix: uniquePrefix('stories'),
        logger: silentLogger(),
      });
      await store.setup();
      const drop = async () => {
        const admin = new Client({ node: elasticsearchUrl });
        await admin.indices.delete({ index: store.names.firstIndex });
        await admin.indices.deleteIndexTemplate({ name: store.names.template });
        await admin.close();
        await store.close();
      };
      return { store, drop };
    },
  },
  {
    name: 'the embedded store',
    async open() {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'pw-stories-'));
      const sqlite = openSqliteStore({ dataDir, logger: silentLogger() });
      const drop = async () => {
        await sqlite.close();
        rmSync(dataDir, { recursive: true, force: true });
      };
      return { store: sqlite.articles, drop };
    },
  },
];

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

for (const named of STORES) {
  describe(`stories on ${named.name}: the fixtures in crawl order`, () => {
    let store: ArticleStore;
    let drop: () => Promise<void>;

    before(async () => {
      ({ store, drop } = await named.open());
      const story = createStoryStage({ articles: store, directory });
      for (const fixture of STORY_FIXTURES) {
        const [outcome] = await store.putMany([await story(fixtureDocument(fixture))]);
        assert.ok(outcome?.ok, JSON.stringify(outcome));
        await store.refresh();
      }
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

    test('search --origin-only leaves out copies, --copies-of finds them', async () => {
      const origins = await store.search({ originOnly: true, limit: 100 });
      const originIds = origins.hits.map((d) => d.id).sort();
      const notCopies = STORY_FIXTURES.filter((f) => !f.expect.copied_from).map((f) => f.id);
      assert.deepEqual(originIds, notCopies.sort());
      const copies = await store.search({ copiesOf: 'original', limit: 100 });
      const direct = STORY_FIXTURES.filter((f) => f.expect.copied_from === 'original');
      assert.deepEqual(copies.hits.map((d) => d.id).sort(), direct.map((f) => f.id).sort());
    });
  });

  describe(`stories on ${named.name}: every copy in one bulk batch`, () => {
    let store: ArticleStore;
    let drop: () => Promise<void>;

    before(async () => {
      ({ store, drop } = await named.open());
      const story = createStoryStage({ articles: store, directory });
      const writer = new BulkWriter((docs) => store.putMany(docs), {
        maxDocs: 1_000,
        maxBytes: 10_000_000,
        flushIntervalMs: 60_000,
      });
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
