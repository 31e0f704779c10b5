import type { DelayFigures } from '../../../core/store-types.js';
import { writeLine } from '../../output.js';
import type { FeedStatus } from './status.js';
import type { FeedFreshnessStatus } from './status-freshness.js';

/** 95 min → "1h35m": operators read intervals, not milliseconds. */
export function formatDuration(ms: number | undefined): string {
  if (ms === undefined) return '-';
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`;
}

/** Like formatDuration, but seconds below a minute: indexing normally takes seconds. */
export function formatDelay(ms: number): string {
  return ms < 59_500 ? `${Math.round(ms / 1000)}s` : formatDuration(ms);
}

function delayText(label: string, recent?: DelayFigures, baseline?: DelayFigures): string {
  if (!recent) return `${label} -`;
  const usual = baseline ? ` (7 d before: ${formatDelay(baseline.p50Ms)})` : '';
  return `${label} p50 ${formatDelay(recent.p50Ms)}, p95 ${formatDelay(recent.p95Ms)}${usual}`;
}

/** The freshness line: delays of the last 24 h beside the week before's medians. */
export function freshnessText(freshness: FeedFreshnessStatus): string {
  const { last24h: recent, previous7d: baseline } = freshness;
  if (recent.documents === 0) return 'no articles first seen in the last 24 h';
  const oddDates = [
    recent.undated > 0 ? `${recent.undated} undated` : '',
    recent.datedAfterFirstSeen > 0 ? `${recent.datedAfterFirstSeen} dated after first seen` : '',
  ].filter(Boolean);
  return [
    `last 24 h: ${recent.documents} articles`,
    delayText('published → first seen', recent.publishedToFirstSeen, baseline.publishedToFirstSeen),
    delayText('first seen → searchable', recent.firstSeenToIndexed, baseline.firstSeenToIndexed),
    ...oddDates,
  ].join('; ');
}

function flagsOf(status: FeedStatus): string {
  const flags = [
    status.volumeDropped && 'VOLUME DROP',
    status.freshness?.discoveryDelayed && 'SLOW DISCOVERY',
    status.freshness?.indexingDelayed && 'SLOW INDEXING',
  ].filter(Boolean);
  return flags.map((flag) => `  ${flag}`).join('');
}

function printPolling(out: NodeJS.WritableStream, status: FeedStatus): void {
  const s = status.state;
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

export function printStatus(out: NodeJS.WritableStream, status: FeedStatus): void {
  writeLine(out, `${status.id}  ${status.health.toUpperCase()}${flagsOf(status)}  ${status.url}`);
  printPolling(out, status);
  if (status.freshness) writeLine(out, `  ${freshnessText(status.freshness)}`);
}
