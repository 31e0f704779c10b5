import { medianGapMs } from './publishing-history.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/**
 * Default bounds of the adaptive interval; feeds.yaml can override both, globally or per feed.
 * The floor is the old fixed 15 minutes: a feed publishing hourly or more is still found within
 * 15 minutes (p95 14.4 min in bench:feeds), and the savings come from slower feeds and nights.
 */
export const DEFAULT_MIN_INTERVAL_MS = 15 * MINUTE_MS;
export const DEFAULT_MAX_INTERVAL_MS = 4 * HOUR_MS;
/** Two polls per typical gap: an item waits a quarter of a gap on average, half at worst. */
const POLLS_PER_GAP = 2;
/** The hour-of-day profile needs two days of dates before it tells night from chance. */
const PROFILE_MIN_SPAN_MS = 2 * DAY_MS;
/** The look-ahead window of the profile: this hour and the next two. */
const WINDOW_HOURS = 3;
/**
 * Quiet hours stretch the interval up to 4×. Busy hours do not shorten it: the median gap is
 * already a daytime gap, since most gaps fall in the hours a newsroom publishes.
 */
const MIN_ACTIVITY = 0.25;
const MAX_ACTIVITY = 1;

export interface IntervalBounds {
  /** The interval before the feed has enough history (the configured `interval`). */
  intervalMs: number;
  minIntervalMs?: number;
  maxIntervalMs?: number;
}

/**
 * The polling interval a feed has earned: half its median publishing gap, stretched in the
 * hours it is usually quiet, within its bounds.
 */
export function adaptiveIntervalMs(bounds: IntervalBounds, history: number[], now: Date): number {
  const gap = medianGapMs(history) ?? sparseGapMs(history, now);
  const wanted =
    gap === undefined ? bounds.intervalMs : gap / POLLS_PER_GAP / hourActivity(history, now);
  // A configured interval outside the default bounds widens them: the operator asked for it.
  const min = bounds.minIntervalMs ?? Math.min(DEFAULT_MIN_INTERVAL_MS, bounds.intervalMs);
  const max = Math.max(
    min,
    bounds.maxIntervalMs ?? Math.max(DEFAULT_MAX_INTERVAL_MS, bounds.intervalMs),
  );
  return Math.round(Math.min(Math.max(wanted, min), max));
}

/**
 * How busy the coming hours of the day usually are against the feed's average (1 = average),
 * from the share of its dates that fall in them, with one imaginary item per hour as a prior.
 */
export function hourActivity(history: number[], now: Date): number {
  const first = history[0];
  const last = history.at(-1);
  if (first === undefined || last === undefined || last - first < PROFILE_MIN_SPAN_MS) return 1;
  const start = now.getUTCHours();
  const inWindow = history.filter(
    (ms) => (new Date(ms).getUTCHours() - start + 24) % 24 < WINDOW_HOURS,
  );
  const share = (inWindow.length + WINDOW_HOURS) / (history.length + 24);
  const activity = share / (WINDOW_HOURS / 24);
  return Math.min(Math.max(activity, MIN_ACTIVITY), MAX_ACTIVITY);
}

/** Below four dates, the mean gap from the oldest date to now: a sparse feed is polled sparsely. */
function sparseGapMs(history: number[], now: Date): number | undefined {
  const first = history[0];
  return first === undefined ? undefined : (now.getTime() - first) / history.length;
}
