// Elasticsearch's answers to reads, turned into the store's types.
import type { Client, estypes } from '@elastic/elasticsearch';
import type { ArticleDocument } from '../../core/document.js';
import type { HistogramBucket, SearchResult } from '../../core/store-types.js';
import { responseErrorType, responseStatus } from './client.js';
import { DELAYS_FIELD } from './delays.js';
import { bucketDate, HISTOGRAM_AGGREGATION, TOPIC_AGGREGATION } from './queries.js';

export async function existingIds(
  client: Client,
  alias: string,
  ids: string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  // mget is real-time: it sees documents written since the last refresh, unlike a search.
  const response = await client.mget({ index: alias, ids, _source: false });
  return new Set(response.docs.filter((doc) => 'found' in doc && doc.found).map((doc) => doc._id));
}

export async function getDocument(
  client: Client,
  alias: string,
  id: string,
): Promise<ArticleDocument | undefined> {
  try {
    const request = { index: alias, id, _source_excludes: [DELAYS_FIELD] };
    return (await client.get<ArticleDocument>(request))._source;
  } catch (err) {
    // A missing document is a 404 without an error; a missing index is a 404 with one.
    if (responseStatus(err) === 404 && responseErrorType(err) === undefined) return undefined;
    throw err;
  }
}

export function searchResult(response: estypes.SearchResponse<ArticleDocument>): SearchResult {
  return { total: totalHits(response.hits.total), hits: sources(response.hits.hits) };
}

function totalHits(total: estypes.SearchTotalHits | number | undefined): number {
  return typeof total === 'number' ? total : (total?.value ?? 0);
}

function sources(hits: estypes.SearchHit<ArticleDocument>[]): ArticleDocument[] {
  return hits.flatMap((hit) => (hit._source ? [hit._source] : []));
}

type DateBucket = estypes.AggregationsDateHistogramBucket & {
  [TOPIC_AGGREGATION]?: estypes.AggregationsStringTermsAggregate;
};

function topicCounts(terms: estypes.AggregationsStringTermsAggregate): Record<string, number> {
  const buckets = Array.isArray(terms.buckets) ? terms.buckets : Object.values(terms.buckets);
  return Object.fromEntries(buckets.map((b) => [String(b.key), b.doc_count]));
}

export function histogramBuckets(response: estypes.SearchResponse): HistogramBucket[] {
  const aggregation = response.aggregations?.[HISTOGRAM_AGGREGATION] as
    estypes.AggregationsDateHistogramAggregate | undefined;
  const raw = aggregation?.buckets ?? [];
  const buckets = (Array.isArray(raw) ? raw : Object.values(raw)) as DateBucket[];
  return buckets.map((bucket) => {
    const topics = bucket[TOPIC_AGGREGATION];
    return {
      bucket: bucketDate(Number(bucket.key)),
      count: bucket.doc_count,
      ...(topics && { topics: topicCounts(topics) }),
    };
  });
}
