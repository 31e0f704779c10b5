import type { Client, estypes } from '@elastic/elasticsearch';
import type { Timeline } from '../freshness.js';

/** Elasticsearch's default index.max_result_window: the largest page a search may return. */
const PAGE_SIZE = 10_000;

const DATE_FIELDS = ['published_at', 'first_seen_at', 'indexed_at'] as const;

/**
 * The timelines of the documents a query matches, read from doc values (no _source) a page at
 * a time, in `id` order through search_after as scan.ts does: one document at a time, so kept
 * for documents stored without their delays (written before delays.ts), not the common case.
 */
export async function timelinesOf(
  client: Client,
  alias: string,
  query: estypes.QueryDslQueryContainer,
): Promise<Timeline[]> {
  const timelines: Timeline[] = [];
  let after: estypes.SortResults | undefined;
  for (;;) {
    const hits = await timelinePage(client, alias, query, after);
    timelines.push(...hits.flatMap(timelineOf));
    if (hits.length < PAGE_SIZE) return timelines;
    after = hits[hits.length - 1]!.sort;
  }
}

async function timelinePage(
  client: Client,
  alias: string,
  query: estypes.QueryDslQueryContainer,
  after: estypes.SortResults | undefined,
): Promise<estypes.SearchHit[]> {
  const response = await client.search({
    index: alias,
    query,
    _source: false,
    docvalue_fields: [
      'feed_id',
      ...DATE_FIELDS.map((field) => ({ field, format: 'epoch_millis' })),
    ],
    sort: [{ id: 'asc' }],
    size: PAGE_SIZE,
    track_total_hits: false,
    ...(after && { search_after: after }),
  });
  return response.hits.hits;
}

function timelineOf(hit: estypes.SearchHit): Timeline[] {
  const fields = (hit.fields ?? {}) as Record<string, unknown[] | undefined>;
  const feedId = fields.feed_id?.[0];
  const firstSeenMs = millis(fields.first_seen_at);
  if (typeof feedId !== 'string' || firstSeenMs === undefined) return [];
  return [
    {
      feedId,
      publishedMs: millis(fields.published_at),
      firstSeenMs,
      indexedMs: millis(fields.indexed_at),
    },
  ];
}

/** `epoch_millis` doc values come back as strings ("1700000000000"), sometimes with a fraction. */
function millis(values: unknown[] | undefined): number | undefined {
  const value = values?.[0];
  return value === undefined ? undefined : Math.round(Number(value));
}
