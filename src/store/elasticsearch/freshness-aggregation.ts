// Per-feed freshness from the delays stored with each document (delays.ts): one composite
// aggregation on feed_id, with counts and percentiles per feed, instead of reading every
// document's timeline. Elasticsearch's default percentiles (t-digest, "hybrid" since 8.9) keep
// every value while a feed has few (exact, with the same interpolation as summarizeFreshness,
// up to 1,500 delays per feed measured on 8.19) and estimate above that (within about 1.5%).
import type { Client, estypes } from '@elastic/elasticsearch';
import type { DelayFigures, FeedFreshness } from '../../core/store-types.js';
import { DISCOVERY_DELAY, INDEXING_DELAY } from './delays.js';

/**
 * Feeds per request: each brings five sub-aggregations, so 1,000 feeds stay far below
 * search.max_buckets (65,536) and a large deployment takes a few requests.
 */
const FEEDS_PER_PAGE = 1_000;
const PERCENTS = [50, 95];

const percentilesOf = (field: string): estypes.AggregationsAggregationContainer => ({
  percentiles: { field, percents: PERCENTS, keyed: false },
});

const PER_FEED: Record<string, estypes.AggregationsAggregationContainer> = {
  undated: { missing: { field: 'published_at' } },
  dated_after: { filter: { range: { [DISCOVERY_DELAY]: { lt: 0 } } } },
  discovery: {
    filter: { range: { [DISCOVERY_DELAY]: { gte: 0 } } },
    aggs: { delay: percentilesOf(DISCOVERY_DELAY) },
  },
  indexing: {
    filter: { exists: { field: INDEXING_DELAY } },
    aggs: { delay: percentilesOf(INDEXING_DELAY) },
  },
  // Stored before the delays were: such a feed is read document by document instead.
  without_delays: { missing: { field: INDEXING_DELAY } },
};

interface Counted {
  doc_count: number;
}
interface DelayBucket extends Counted {
  delay: { values: { key: number; value: number | null }[] };
}
interface FeedBucket extends Counted {
  key: { feed: string };
  undated: Counted;
  dated_after: Counted;
  discovery: DelayBucket;
  indexing: DelayBucket;
  without_delays: Counted;
}

export interface AggregatedFreshness {
  /** Feeds whose every document in the window carries its delays. */
  figures: FeedFreshness[];
  /** Feeds with documents stored without delays: their figures are to be read otherwise. */
  feedsWithoutDelays: string[];
}

export async function aggregatedFreshness(
  client: Client,
  alias: string,
  query: estypes.QueryDslQueryContainer,
): Promise<AggregatedFreshness> {
  const result: AggregatedFreshness = { figures: [], feedsWithoutDelays: [] };
  let after: Record<string, string> | undefined;
  do {
    const page = await feedPage(client, alias, query, after);
    for (const bucket of page.buckets) {
      if (bucket.without_delays.doc_count > 0) result.feedsWithoutDelays.push(bucket.key.feed);
      else result.figures.push(feedFigures(bucket));
    }
    after = page.afterKey;
  } while (after !== undefined);
  return result;
}

async function feedPage(
  client: Client,
  alias: string,
  query: estypes.QueryDslQueryContainer,
  after: Record<string, string> | undefined,
): Promise<{ buckets: FeedBucket[]; afterKey?: Record<string, string> }> {
  const composite: estypes.AggregationsCompositeAggregation = {
    sources: [{ feed: { terms: { field: 'feed_id' } } }],
    size: FEEDS_PER_PAGE,
    ...(after && { after }),
  };
  const response = await client.search({
    index: alias,
    query,
    size: 0,
    track_total_hits: false,
    aggs: { feeds: { composite, aggs: PER_FEED } },
  });
  const feeds = response.aggregations?.feeds as unknown as {
    buckets: FeedBucket[];
    after_key?: Record<string, string>;
  };
  // The last page is the one shorter than asked for: stop without one more empty request.
  const full = feeds.buckets.length === FEEDS_PER_PAGE;
  return { buckets: feeds.buckets, ...(full && { afterKey: feeds.after_key }) };
}

function feedFigures(bucket: FeedBucket): FeedFreshness {
  return {
    feedId: bucket.key.feed,
    documents: bucket.doc_count,
    publishedToFirstSeen: delayFigures(bucket.discovery),
    firstSeenToIndexed: delayFigures(bucket.indexing),
    undated: bucket.undated.doc_count,
    datedAfterFirstSeen: bucket.dated_after.doc_count,
  };
}

/** Rounded to the millisecond, as summarizeFreshness rounds the embedded store's. */
function delayFigures(bucket: DelayBucket): DelayFigures | undefined {
  if (bucket.doc_count === 0) return undefined;
  const at = (percent: number) =>
    Math.round(bucket.delay.values.find((v) => v.key === percent)?.value ?? Number.NaN);
  return { count: bucket.doc_count, p50Ms: at(50), p95Ms: at(95) };
}
