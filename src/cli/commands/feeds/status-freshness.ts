import type { ArticleStore, FeedFreshness } from '../../../core/store-types.js';
import { freshnessFlags, type FreshnessFlags } from '../../../feeds/freshness-flags.js';

const DAY_MS = 86_400_000;
/** The history a feed's last 24 h are compared with: the week before them. */
const BASELINE_DAYS = 7;

/** A feed's figures in one window, without the feed id the status already carries. */
export type WindowFreshness = Omit<FeedFreshness, 'feedId'>;

export interface FeedFreshnessStatus extends FreshnessFlags {
  /** Documents first seen in the last 24 h; `documents: 0` when there were none. */
  last24h: WindowFreshness;
  /** The 7 days before those 24 h: the feed's own history. */
  previous7d: WindowFreshness;
}

export type FreshnessByFeed = Map<string, FeedFreshness>;

export interface FreshnessWindows {
  last24h: FreshnessByFeed;
  previous7d: FreshnessByFeed;
}

/** Two reads of the store: the last 24 h, and the 7 days before them. */
export async function readFreshness(store: ArticleStore, now: Date): Promise<FreshnessWindows> {
  const dayAgo = new Date(now.getTime() - DAY_MS);
  const weekBefore = new Date(dayAgo.getTime() - BASELINE_DAYS * DAY_MS);
  const [recent, baseline] = await Promise.all([
    store.freshness(dayAgo.toISOString(), now.toISOString()),
    store.freshness(weekBefore.toISOString(), dayAgo.toISOString()),
  ]);
  const byFeed = (list: FeedFreshness[]) => new Map(list.map((f) => [f.feedId, f]));
  return { last24h: byFeed(recent), previous7d: byFeed(baseline) };
}

function withoutFeed(freshness: FeedFreshness | undefined): WindowFreshness {
  if (!freshness) return { documents: 0, undated: 0, datedAfterFirstSeen: 0 };
  const { feedId: _feedId, ...figures } = freshness;
  return figures;
}

/** One feed's freshness status: both windows and the flags comparing them. */
export function freshnessStatus(windows: FreshnessWindows, feedId: string): FeedFreshnessStatus {
  const recent = windows.last24h.get(feedId);
  const baseline = windows.previous7d.get(feedId);
  return {
    last24h: withoutFeed(recent),
    previous7d: withoutFeed(baseline),
    ...freshnessFlags(recent, baseline),
  };
}
