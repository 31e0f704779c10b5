/**
 * `npm run bench:freshness`: how long Elasticsearch takes to give `feeds status` its freshness
 * figures (the last 24 h and the 7 days before, as status reads them) for generated documents
 * first seen over those 8 days, read two ways: document by document (each timeline through
 * search_after pages, the read before delays.ts and the fallback for documents stored before
 * it) and aggregated from the stored delays. Prints both times and whether the figures agree.
 * Needs ELASTICSEARCH_URL (the npm script starts the shared services).
 * Options: --documents (40,000), --feeds (200).
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { Client } from '@elastic/elasticsearch';
import type { ArticleDocument } from '../src/core/document.js';
import { silentLogger } from '../src/core/logger.js';
import { withDelays } from '../src/store/elasticsearch/delays.js';
import { timelinesOf } from '../src/store/elasticsearch/freshness-timelines.js';
import { createElasticsearchStore } from '../src/store/elasticsearch/index.js';
import { indexNames } from '../src/store/elasticsearch/mapping.js';
import { summarizeFreshness } from '../src/store/freshness.js';
import { intBetween, seededRandom } from '../src/demo/seeded-random.js';
import { generateArticles } from './search-data.js';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** Each read is timed this many times; the median is reported (the machine is shared). */
const RUNS = 5;
/** Documents per bulk request: about 1 MB with the shortened bodies. */
const BULK_DOCS = 2_000;
const BODY_CHARS = 200;

const { values } = parseArgs({
  options: {
    documents: { type: 'string', default: '40000' },
    feeds: { type: 'string', default: '200' },
  },
});
const DOCUMENTS = Number(values.documents);
const FEEDS = Number(values.feeds);
const NOW = Date.now();

/** Timelines over the 8 days before now: discovery 0–180 min (2% undated), indexing 1–120 s. */
function withTimeline(doc: ArticleDocument, i: number, random: () => number): ArticleDocument {
  const firstSeen = NOW - 1 - Math.floor(random() * 8 * DAY_MS);
  const { published_at: _drawn, body, ...rest } = doc;
  const dated = random() >= 0.02;
  const published = firstSeen - intBetween(random, 0, 180 * MINUTE_MS);
  return withDelays(
    {
      ...rest,
      // The reads use doc values only: a full body would only slow the load.
      body: body.slice(0, BODY_CHARS),
      feed_id: `feed-${i % FEEDS}`,
      ...(dated && { published_at: new Date(published).toISOString() }),
      first_seen_at: new Date(firstSeen).toISOString(),
    },
    new Date(firstSeen + intBetween(random, 1_000, 120_000)).toISOString(),
  );
}

async function load(client: Client, alias: string): Promise<void> {
  const random = seededRandom(17);
  const docs = [...generateArticles(DOCUMENTS, 23)].map((doc, i) => withTimeline(doc, i, random));
  for (let start = 0; start < docs.length; start += BULK_DOCS) {
    const batch = docs.slice(start, start + BULK_DOCS);
    const operations = batch.flatMap((doc) => [{ index: { _index: alias, _id: doc.id } }, doc]);
    if ((await client.bulk({ operations })).errors) throw new Error('bulk load failed');
  }
  await client.indices.refresh({ index: alias });
}

const WINDOWS = [
  [new Date(NOW - DAY_MS).toISOString(), new Date(NOW).toISOString()],
  [new Date(NOW - 8 * DAY_MS).toISOString(), new Date(NOW - DAY_MS).toISOString()],
] as const;

async function timed<T>(read: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const times: number[] = [];
  let result: T | undefined;
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    result = await read();
    times.push(performance.now() - start);
  }
  return { ms: times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!, result: result! };
}

const loadAverage = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

type Store = ReturnType<typeof createElasticsearchStore>;

/** Both reads of the two windows, timed, and whether their figures agree. */
async function compareReads(store: Store, client: Client, alias: string): Promise<void> {
  const byTimeline = await timed(() =>
    Promise.all(
      WINDOWS.map(([gte, lt]) =>
        timelinesOf(client, alias, { range: { first_seen_at: { gte, lt } } }),
      ),
    ).then((windows) => windows.map(summarizeFreshness)),
  );
  const aggregated = await timed(() =>
    Promise.all(WINDOWS.map(([since, until]) => store.freshness(since, until))),
  );
  const same = JSON.stringify(byTimeline.result) === JSON.stringify(aggregated.result);
  console.log(`${DOCUMENTS} documents, ${FEEDS} feeds, 24 h + 7 d windows (median of ${RUNS})`);
  console.log(`document by document: ${byTimeline.ms.toFixed(0)} ms`);
  console.log(`aggregated delays:    ${aggregated.ms.toFixed(0)} ms`);
  console.log(`figures identical: ${same}`);
}

async function main(node: string): Promise<void> {
  const names = indexNames(`bench-freshness-${process.pid}`);
  const store = createElasticsearchStore({
    node,
    indexPrefix: `bench-freshness-${process.pid}`,
    logger: silentLogger(),
  });
  const client = new Client({ node });
  try {
    await store.setup();
    await load(client, names.alias);
    console.log(`load average before reading: ${loadAverage()}`);
    await compareReads(store, client, names.alias);
    console.log(`load average after: ${loadAverage()}`);
  } finally {
    await store.close();
    await client.indices.delete({ index: names.firstIndex }, { ignore: [404] });
    await client.indices.deleteIndexTemplate({ name: names.template }, { ignore: [404] });
    await client.close();
  }
}

const node = process.env.ELASTICSEARCH_URL;
if (!node) throw new Error('ELASTICSEARCH_URL not set: run `npm run bench:freshness`');
await main(node);
