import type { estypes } from '@elastic/elasticsearch';
import type { HistogramInterval, HistogramOptions, SearchQuery } from '../../core/store-types.js';
import { DELAYS_FIELD } from './delays.js';
import { searchFields } from './mapping.js';

const TERM_FILTERS = {
  topic: 'topics',
  country: 'countries',
  pair: 'pairs',
  feed: 'feed_id',
  language: 'language',
} as const satisfies Partial<Record<keyof SearchQuery, string>>;

/** The query both search and histogram run: text relevance plus exact filters. */
export function articleQuery(query: SearchQuery): estypes.QueryDslQueryContainer {
  const filter: estypes.QueryDslQueryContainer[] = [];
  for (const [key, field] of Object.entries(TERM_FILTERS)) {
    const value = query[key as keyof typeof TERM_FILTERS];
    if (value !== undefined) filter.push({ term: { [field]: value } });
  }
  if (query.from !== undefined || query.to !== undefined) {
    // Date-only bounds are inclusive: for `lte` Elasticsearch rounds a missing time up to the
    // last millisecond of that day.
    filter.push({ range: { published_at: { gte: query.from, lte: query.to } } });
  }
  if (query.copiesOf !== undefined) filter.push({ term: { copied_from: query.copiesOf } });
  const mustNot = query.originOnly ? [{ exists: { field: 'copied_from' } }] : [];
  // Every word must match, as in the embedded store: an analyst's query narrows, never widens.
  const must: estypes.QueryDslQueryContainer[] = query.text
    ? [{ multi_match: { query: query.text, fields: searchFields(), operator: 'and' } }]
    : [];
  return { bool: { must, filter, must_not: mustNot } };
}

export function searchRequest(alias: string, query: SearchQuery): estypes.SearchRequest {
  return {
    index: alias,
    query: articleQuery(query),
    sort: [{ published_at: { order: 'desc', missing: '_last' } }, '_score'],
    size: query.limit,
    track_total_hits: true,
    // Hits are read by analysts: the story machinery (MinHash, LSH keys, ~1.7 KB) stays behind.
    _source_excludes: [DELAYS_FIELD, 'fingerprint', 'lsh_keys'],
  };
}

export const HISTOGRAM_AGGREGATION = 'published_over_time';
export const TOPIC_AGGREGATION = 'per_topic';
/** Far above the taxonomy's topics (18 bundled), so no topic is cut from a bucket. */
const MAX_TOPICS = 1_000;

/** Buckets on published_at, empty ones included between the query's bounds (weeks start Monday). */
export function histogramRequest(
  alias: string,
  query: SearchQuery,
  interval: HistogramInterval,
  options: HistogramOptions = {},
): estypes.SearchRequest {
  const histogram: estypes.AggregationsDateHistogramAggregation = {
    field: 'published_at',
    calendar_interval: interval,
    min_doc_count: 0,
  };
  if (query.from !== undefined || query.to !== undefined) {
    histogram.extended_bounds = { min: query.from, max: query.to };
  }
  return {
    index: alias,
    query: articleQuery(query),
    size: 0,
    aggs: {
      [HISTOGRAM_AGGREGATION]: {
        date_histogram: histogram,
        ...(options.byTopic && {
          aggs: { [TOPIC_AGGREGATION]: { terms: { field: 'topics', size: MAX_TOPICS } } },
        }),
      },
    },
  };
}

/** A bucket key (epoch ms of the bucket's UTC start) as `YYYY-MM-DD`. */
export function bucketDate(key: number): string {
  return new Date(key).toISOString().slice(0, 10);
}
