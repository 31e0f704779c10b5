import type { Client, estypes } from '@elastic/elasticsearch';
import type { FeedFreshness } from '../../core/store-types.js';
import { summarizeFreshness } from '../freshness.js';
import { aggregatedFreshness } from './freshness-aggregation.js';
import { timelinesOf } from './freshness-timelines.js';

/**
 * Per feed, the documents first seen in [since, until) and their delays: aggregated from the
 * delays stored with each document; a feed holding documents stored before those delays existed
 * is read document by document and summarized as the embedded store does (exact), until the
 * windows have moved past them (8 days after the upgrade for `feeds status`).
 */
export async function freshnessOf(
  client: Client,
  alias: string,
  window: { since: string; until?: string },
): Promise<FeedFreshness[]> {
  const until = window.until ?? new Date().toISOString();
  const query: estypes.QueryDslQueryContainer = {
    range: { first_seen_at: { gte: window.since, lt: until } },
  };
  const { figures, feedsWithoutDelays } = await aggregatedFreshness(client, alias, query);
  const older = { bool: { filter: [query, { terms: { feed_id: feedsWithoutDelays } }] } };
  const fallback =
    feedsWithoutDelays.length === 0
      ? []
      : summarizeFreshness(await timelinesOf(client, alias, older));
  // The order of summarizeFreshness (feed ids compared as JavaScript strings), not the
  // aggregation's byte order of UTF-8.
  return [...figures, ...fallback].sort((a, b) =>
    a.feedId < b.feedId ? -1 : a.feedId > b.feedId ? 1 : 0,
  );
}
