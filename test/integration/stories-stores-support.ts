// The two stores of the stories tests, opened fresh per suite, and what the suites assert alike.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from '@elastic/elasticsearch';
import { loadSources } from '../../src/config/sources.js';
import { silentLogger } from '../../src/core/logger.js';
import type { ArticleStore, StoryFieldUpdate } from '../../src/core/store-types.js';
import { BulkWriter } from '../../src/store/bulk-writer.js';
import { createElasticsearchStore } from '../../src/store/elasticsearch/index.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import { sourceDirectory } from '../../src/stories/index.js';
import { uniquePrefix } from '../support/e2e.js';
import { requireServices } from '../support/services.js';
import { createStoryStage } from '../../src/pipeline/story-stage.js';
import { fixtureDocument, STORY_FIXTURES, type StoryFixture } from '../support/story-fixtures.js';

export const directory = sourceDirectory(loadSources('config/sources.yaml'));

/** The origins last: every copy comes before the document it copies. */
const ORIGINS = ['en-original', 'original'];
export const COPIES_FIRST = [
  ...STORY_FIXTURES.filter((f) => !ORIGINS.includes(f.id)),
  ...ORIGINS.map((id) => STORY_FIXTURES.find((f) => f.id === id)!),
];
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

export const STORY_STORES: NamedStore[] = [
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

export const amendIn = (store: ArticleStore) => (updates: StoryFieldUpdate[]) =>
  store.updateStoryFields(updates);

/** A writer that sends only when flushed: every document waits in its buffer until then. */
export function heldWriter(store: ArticleStore): BulkWriter {
  return new BulkWriter((docs) => store.putMany(docs), {
    maxDocs: 1_000,
    maxBytes: 10_000_000,
    flushIntervalMs: 60_000,
  });
}

/** `search --origin-only` and `--copies-of original` as the fixtures expect them. */
export async function assertSearchFilters(store: ArticleStore): Promise<void> {
  const origins = await store.search({ originOnly: true, limit: 100 });
  const originIds = origins.hits.map((d) => d.id).sort();
  const notCopies = STORY_FIXTURES.filter((f) => !f.expect.copied_from).map((f) => f.id);
  assert.deepEqual(originIds, notCopies.sort());
  const copies = await store.search({ copiesOf: 'original', limit: 100 });
  const direct = STORY_FIXTURES.filter((f) => f.expect.copied_from === 'original');
  assert.deepEqual(copies.hits.map((d) => d.id).sort(), direct.map((f) => f.id).sort());
}

/** The fixtures through a new story stage in this order, each stored and searchable in turn. */
export async function storeOneByOne(store: ArticleStore, fixtures: StoryFixture[]): Promise<void> {
  const story = createStoryStage({ articles: store, directory, amend: amendIn(store) });
  for (const fixture of fixtures) {
    const [outcome] = await store.putMany([await story(fixtureDocument(fixture))]);
    assert.ok(outcome?.ok, JSON.stringify(outcome));
    await store.refresh();
  }
}
