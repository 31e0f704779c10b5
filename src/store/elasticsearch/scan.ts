import type { Client, estypes } from '@elastic/elasticsearch';
import type { ArticleDocument } from '../../core/document.js';
import type { ScanOptions } from '../../core/store-types.js';
import { DELAYS_FIELD } from './delays.js';

/**
 * Every document in `id` order through search_after: unlike a scroll it holds no context open
 * between batches, and a document rewritten meanwhile (retag) keeps its id, hence its place.
 * Sorting on `_id` is refused by default in 8.x; `id` is the same value as a keyword with doc values.
 */
export async function* scanDocuments(
  client: Client,
  alias: string,
  options: ScanOptions,
): AsyncGenerator<ArticleDocument[]> {
  const query: estypes.QueryDslQueryContainer =
    options.since === undefined
      ? { match_all: {} }
      : { range: { published_at: { gte: options.since } } };
  let after: estypes.SortResults | undefined;
  for (;;) {
    const response = await client.search<ArticleDocument>({
      index: alias,
      query,
      sort: [{ id: 'asc' }],
      size: options.batchSize,
      // Retag writes back what it reads: the delays are stamped anew by that write.
      _source_excludes: [DELAYS_FIELD],
      ...(after && { search_after: after }),
    });
    const hits = response.hits.hits;
    if (hits.length === 0) return;
    yield hits.flatMap((hit) => (hit._source ? [hit._source] : []));
    after = hits[hits.length - 1]!.sort;
  }
}
