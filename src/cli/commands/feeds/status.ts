import type { FeedConfig, FeedState } from '../../../core/feed-types.js';
import { medianGapMs, newItemsSince, volumeDropped } from '../../../feeds/index.js';
import { commandConfig, commandLogger, withRuntime, type ConfigOption } from '../../context.js';
import { writeJsonLine, writeLine } from '../../output.js';
import { EXIT_OK, type CliIO } from '../../types.js';

const DAY_MS = 86_400_000;

export interface StatusOptions extends ConfigOption {
  json?: boolean;
}

/** The state without its raw history, which `feeds status` summarises instead. */
type StateSummary = Omit<FeedState, 'publishedHistory' | 'newItemLog'>;

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
  state?: StateSummary;
}

/** One status per configured feed, in config order; a feed never polled says so. */
export function feedStatuses(feeds: FeedConfig[], states: FeedState[], now: Date): FeedStatus[] {
  const byId = new Map(states.map((s) => [s.feedId, s]));
  return feeds.map((feed) => statusOf(feed, byId.get(feed.id), now));
}

function statusOf(feed: FeedConfig, state: FeedState | undefined, now: Date): FeedStatus {
  const { publishedHistory, newItemLog, ...summary } = state ?? ({} as Partial<FeedState>);
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

/** 95 min → "1h35m": operators read intervals, not milliseconds. */
export function formatDuration(ms: number | undefined): string {
  if (ms === undefined) return '-';
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`;
}

function printStatus(out: NodeJS.WritableStream, status: FeedStatus): void {
  const s = status.state;
  const flag = status.volumeDropped ? '  VOLUME DROP' : '';
  writeLine(out, `${status.id}  ${status.health.toUpperCase()}${flag}  ${status.url}`);
  if (!s?.lastAttemptAt) return;
  writeLine(
    out,
    `  last attempt ${s.lastAttemptAt} (${s.lastOutcome}, HTTP ${s.lastStatus ?? '-'}), last success ${s.lastSuccessAt ?? 'never'}`,
  );
  if (s.consecutiveFailures > 0)
    writeLine(
      out,
      `  ${s.consecutiveFailures} failures in a row: ${s.lastErrorCode}: ${s.lastError}`,
    );
  writeLine(
    out,
    `  items in last poll ${s.itemsLastPoll ?? 0} (${s.newItemsLastPoll ?? 0} new), new in 24 h ${status.newItemsLast24h}; articles indexed ${s.articlesIndexed}, failed ${s.articlesFailed}`,
  );
  writeLine(
    out,
    `  median gap between items ${formatDuration(status.medianPublishingIntervalMs)}, polled every ${formatDuration(s.intervalMs)}, next check ${s.nextCheckAt}`,
  );
}

export async function status(io: CliIO, options: StatusOptions): Promise<number> {
  const config = commandConfig(options, io);
  const states = await withRuntime(config, commandLogger(io), (runtime) =>
    runtime.feedState.list(),
  );
  for (const entry of feedStatuses(config.feeds, states, new Date())) {
    if (options.json) writeJsonLine(io.stdout, entry);
    else printStatus(io.stdout, entry);
  }
  return EXIT_OK;
}
