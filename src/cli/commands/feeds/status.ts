import type { FeedConfig, FeedState } from '../../../core/feed-types.js';
import { medianGapMs, newItemsSince, volumeDropped } from '../../../feeds/index.js';
import { commandConfig, commandLogger, withRuntime, type ConfigOption } from '../../context.js';
import { StoreUnavailableError } from '../../../core/stage-errors.js';
import type { ArticleStore } from '../../../core/store-types.js';
import { writeJsonLine, writeLine } from '../../output.js';
import { EXIT_OK, type CliIO } from '../../types.js';
import {
  freshnessStatus,
  readFreshness,
  type FeedFreshnessStatus,
  type FreshnessWindows,
} from './status-freshness.js';
import { printStatus } from './status-print.js';

const DAY_MS = 86_400_000;

export interface StatusOptions extends ConfigOption {
  json?: boolean;
}

/** The state without its raw history, which `feeds status` summarises instead. */
type StateSummary = Omit<FeedState, 'publishedHistory' | 'newItemLog' | 'listedGuids'>;

export interface FeedStatus {
  id: string;
  name?: string;
  url: string;
  enabled: boolean;
  health: 'ok' | 'failing' | 'never-polled' | 'disabled';
  /** New items in the last 24 h (hourly buckets, so up to an hour more). */
  newItemsLast24h: number;
  /** Median gap between the publication dates seen; absent below four dates. */
  medianPublishingIntervalMs?: number;
  /** The last 24 h brought under a quarter of the feed's typical day. */
  volumeDropped: boolean;
  /** Delays of the documents first seen in the last 24 h and the week before, with their flags;
   * absent when the article store could not be read. */
  freshness?: FeedFreshnessStatus;
  state?: StateSummary;
}

/** One status per configured feed, in config order; a feed never polled says so. */
export function feedStatuses(
  feeds: FeedConfig[],
  states: FeedState[],
  now: Date,
  freshness?: FreshnessWindows,
): FeedStatus[] {
  const byId = new Map(states.map((s) => [s.feedId, s]));
  return feeds.map((feed) => ({
    ...statusOf(feed, byId.get(feed.id), now),
    freshness: freshness && freshnessStatus(freshness, feed.id),
  }));
}

function statusOf(feed: FeedConfig, state: FeedState | undefined, now: Date): FeedStatus {
  const {
    publishedHistory,
    newItemLog,
    listedGuids: _guids,
    ...summary
  } = state ?? ({} as Partial<FeedState>);
  return {
    id: feed.id,
    name: feed.name,
    url: feed.url,
    enabled: feed.enabled,
    health: healthOf(feed, state),
    newItemsLast24h: newItemsSince(newItemLog, now.getTime() - DAY_MS),
    medianPublishingIntervalMs: medianGapMs(publishedHistory),
    volumeDropped: volumeDropped(newItemLog, now),
    state: state === undefined ? undefined : (summary as StateSummary),
  };
}

function healthOf(feed: FeedConfig, state: FeedState | undefined): FeedStatus['health'] {
  if (!feed.enabled) return 'disabled';
  if (!state?.lastAttemptAt) return 'never-polled';
  return state.consecutiveFailures > 0 ? 'failing' : 'ok';
}

/** Feed status is what an operator reads when things break: a store that is down says so. */
async function freshnessOrWarning(
  store: ArticleStore,
  now: Date,
  io: CliIO,
): Promise<FreshnessWindows | undefined> {
  try {
    return await readFreshness(store, now);
  } catch (err) {
    if (!(err instanceof StoreUnavailableError)) throw err;
    writeLine(io.stderr, `freshness unavailable: ${err.message}`);
    return undefined;
  }
}

export async function status(io: CliIO, options: StatusOptions): Promise<number> {
  const config = commandConfig(options, io);
  const now = new Date();
  const [states, freshness] = await withRuntime(config, commandLogger(io), (runtime) =>
    Promise.all([runtime.feedState.list(), freshnessOrWarning(runtime.articles, now, io)]),
  );
  for (const entry of feedStatuses(config.feeds, states, now, freshness)) {
    if (options.json) writeJsonLine(io.stdout, entry);
    else printStatus(io.stdout, entry);
  }
  return EXIT_OK;
}
