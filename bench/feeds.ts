/**
 * Feed figures: parse throughput over the development corpus and a generated 5,000-item feed,
 * the share of the corpus's expectation checks met, and a simulated day of 1,000 feeds
 * (adaptive schedule against fixed 15-minute polling).
 * Run: npm run bench:feeds
 */
import { corpusFigures, largeFeedFigures } from './feeds-corpus.js';
import { percentile } from './support/proc.js';
import {
  adaptivePolicy,
  fixedPolicy,
  isHourlyOrMore,
  makeFeeds,
  simulateFeed,
  type SimOutcome,
} from './feeds-sim.js';

const SIM_FEEDS = 1000;
const SEED = 20_240_601;
/** Spread of the feeds' first polls, so they do not all start at midnight. */
const START_SPREAD_MS = 15 * 60_000;

function sum(outcomes: SimOutcome[]): SimOutcome {
  return outcomes.reduce(
    (all, o) => ({
      requests: all.requests + o.requests,
      published: all.published + o.published,
      found: all.found + o.found,
      delays: all.delays.concat(o.delays),
    }),
    { requests: 0, published: 0, found: 0, delays: [] },
  );
}

function describe(label: string, o: SimOutcome): string {
  const sorted = [...o.delays].sort((a, b) => a - b);
  const p50 = percentile(sorted, 50).toFixed(1);
  const p95 = percentile(sorted, 95).toFixed(1);
  return `${label}: ${o.requests} requests, ${o.found}/${o.published} items found, delay p50 ${p50} min, p95 ${p95} min`;
}

function simulateDay(): void {
  const feeds = makeFeeds(SIM_FEEDS, SEED);
  const starts = feeds.map((_, i) => Math.floor((i / SIM_FEEDS) * START_SPREAD_MS));
  const run = (policy: typeof adaptivePolicy, only = (_i: number) => true) =>
    sum(feeds.flatMap((feed, i) => (only(i) ? [simulateFeed(feed, policy, starts[i] ?? 0)] : [])));
  const hourly = (i: number) => isHourlyOrMore(feeds[i] as (typeof feeds)[number]);
  const adaptive = run(adaptivePolicy);
  const fixed = run(fixedPolicy);
  console.log(`simulated day, ${SIM_FEEDS} feeds`);
  console.log(`  ${describe('adaptive', adaptive)}`);
  console.log(`  ${describe('fixed 15 min', fixed)}`);
  console.log(`  requests: ${(fixed.requests / adaptive.requests).toFixed(2)}x fewer than fixed`);
  const hourlyCount = feeds.filter((_, i) => hourly(i)).length;
  console.log(
    `  ${describe(`adaptive, ${hourlyCount} feeds publishing hourly or more`, run(adaptivePolicy, hourly))}`,
  );
  console.log(`  ${describe(`fixed, same feeds`, run(fixedPolicy, hourly))}`);
}

async function main(): Promise<void> {
  await corpusFigures();
  largeFeedFigures();
  if (!process.argv.includes('--no-sim')) simulateDay();
}

await main();
