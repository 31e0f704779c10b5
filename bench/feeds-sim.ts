/**
 * A simulated day of 1,000 feeds on a virtual clock, driving the real schedule policy
 * (recordPollSuccess: adaptive interval, bounds) against fixed 15-minute polling.
 */
import type { FeedConfig, FeedItem, FeedState } from '../src/core/feed-types.js';
import { initialState, recordPollSuccess } from '../src/pipeline/feed-health.js';
import { seededRandom } from '../src/demo/seeded-random.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Four days to learn each feed's rate and hours, then the measured day. */
const WARM_UP_DAYS = 4;
/** Outlets published before we first poll, so the first poll lists a full feed. */
const PUBLISHED_BEFORE_MS = 14 * DAY;
const FIXED_INTERVAL = 15 * MINUTE;
/** A typical feed lists its latest 20 items; more between two polls and some are missed. */
const FEED_WINDOW = 20;

/**
 * Items per day by band, log-uniform within a band, and the bands' shares of a monitoring
 * list: a few wire services, national outlets' main feeds, section feeds, small outlets.
 */
const BANDS = [
  { share: 0.05, min: 100, max: 400 },
  { share: 0.15, min: 24, max: 100 },
  { share: 0.3, min: 4, max: 24 },
  { share: 0.5, min: 0.2, max: 4 },
];
/** Newsrooms publish by day: 07–23 local carries this weight per hour, the night the rest. */
const DAY_WEIGHT = 1.35;
const NIGHT_WEIGHT = 0.3;

interface SimFeed {
  perDay: number;
  /** Hours added to UTC to get the outlet's local time. */
  utcOffset: number;
  items: number[];
}

function rateAt(feed: SimFeed, ms: number): number {
  const local = (new Date(ms).getUTCHours() + feed.utcOffset + 24) % 24;
  return (feed.perDay / DAY) * (local >= 7 && local < 23 ? DAY_WEIGHT : NIGHT_WEIGHT);
}

/** Publication times by thinning a Poisson process at the peak rate. */
function publish(feed: SimFeed, end: number, random: () => number): number[] {
  const peak = (feed.perDay / DAY) * DAY_WEIGHT;
  const times: number[] = [];
  const gap = () => -Math.log(1 - random()) / peak;
  for (let t = -PUBLISHED_BEFORE_MS + gap(); t < end; t += gap()) {
    if (random() < rateAt(feed, t) / peak) times.push(t);
  }
  return times;
}

export function makeFeeds(count: number, seed: number): SimFeed[] {
  const random = seededRandom(seed);
  const end = (WARM_UP_DAYS + 1) * DAY;
  return Array.from({ length: count }, (_, i) => {
    const band = bandOf(i / count);
    const perDay = band.min * (band.max / band.min) ** random();
    const feed: SimFeed = { perDay, utcOffset: Math.floor(random() * 14) - 5, items: [] };
    feed.items = publish(feed, end, random);
    return feed;
  });
}

function bandOf(position: number): (typeof BANDS)[number] {
  let edge = 0;
  for (const band of BANDS) {
    edge += band.share;
    if (position < edge) return band;
  }
  return BANDS.at(-1) as (typeof BANDS)[number];
}

export interface SimOutcome {
  requests: number;
  published: number;
  found: number;
  /** Minutes from publication to the poll that found it, per item found on the measured day. */
  delays: number[];
}

type NextPoll = (state: FeedState, visible: FeedItem[], fresh: number, now: Date) => FeedState;

const CONFIG: FeedConfig = {
  id: 'sim',
  url: 'https://sim.invalid/feed',
  intervalMs: FIXED_INTERVAL,
  enabled: true,
};

export const adaptivePolicy: NextPoll = (state, items, fresh, now) =>
  recordPollSuccess(
    state,
    CONFIG,
    {
      kind: 'parsed',
      status: 200,
      validators: { bodyHash: '' },
      cache: {},
      feed: { feed: {}, items },
    },
    { items: items.length, fresh },
    now,
  );

export const fixedPolicy: NextPoll = (state, _items, _fresh, now) => ({
  ...state,
  nextCheckAt: new Date(now.getTime() + FIXED_INTERVAL).toISOString(),
});

/** Polls one feed through warm-up and the measured day; counts only the measured day. */
export function simulateFeed(feed: SimFeed, next: NextPoll, startOffset: number): SimOutcome {
  const measuredFrom = WARM_UP_DAYS * DAY;
  const end = measuredFrom + DAY;
  const outcome: SimOutcome = { requests: 0, published: 0, found: 0, delays: [] };
  outcome.published = feed.items.filter((t) => t >= measuredFrom && t < end).length;
  let state = initialState('sim', new Date(startOffset));
  let seenUpTo = -Infinity;
  let listed = 0;
  for (let now = startOffset; now < end; now = Date.parse(state.nextCheckAt)) {
    while ((feed.items[listed] ?? Infinity) <= now) listed++;
    const visible = feed.items.slice(Math.max(0, listed - FEED_WINDOW), listed);
    const fresh = visible.filter((t) => t > seenUpTo);
    if (now >= measuredFrom) tally(outcome, fresh, now, measuredFrom);
    seenUpTo = visible.at(-1) ?? seenUpTo;
    const items = visible.map((t) => ({
      published_at: new Date(t).toISOString(),
      authors: [],
      enclosures: [],
    }));
    state = next(state, items, fresh.length, new Date(now));
  }
  return outcome;
}

function tally(outcome: SimOutcome, fresh: number[], now: number, measuredFrom: number): void {
  outcome.requests++;
  for (const t of fresh) {
    if (t < measuredFrom) continue;
    outcome.found++;
    outcome.delays.push((now - t) / MINUTE);
  }
}

export function isHourlyOrMore(feed: SimFeed): boolean {
  return feed.perDay >= 24;
}
