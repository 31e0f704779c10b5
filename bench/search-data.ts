/**
 * Generated articles for search benchmarks and the store parity test: titles and bodies from our
 * own sentence pools (de, en, ru), two years of publication dates in several time zones, and
 * tags drawn with the skew of real coverage (a few topics and countries dominate). Tags are drawn,
 * not computed, so 100,000 documents take seconds; the stores do not care where tags come from.
 */
import { createHash } from 'node:crypto';
import type { ArticleDocument } from '../src/core/document.js';
import { composeParagraphs } from '../src/demo/compose-article.js';
import type { LanguagePool } from '../src/demo/language-pool.js';
import { POOL_DE } from '../src/demo/pool-de.js';
import { POOL_EN } from '../src/demo/pool-en.js';
import { POOL_RU } from '../src/demo/pool-ru.js';
import {
  intBetween,
  pick,
  pickDistinct,
  seededRandom,
  type Random,
} from '../src/demo/seeded-random.js';

const POOLS = [POOL_DE, POOL_EN, POOL_RU];
export const TOPICS = [
  'military-alliance',
  'sanctions',
  'energy-security',
  'belt-and-road',
  'nato',
  'elections',
  'trade',
];
export const COUNTRIES = ['RU', 'CN', 'DE', 'US', 'UA', 'FR', 'IR', 'TR'];
export const FEEDS = Array.from({ length: 20 }, (_, i) => `feed-${i}`);
/** 2025-01-01T00:00:00Z: the start of the two years the dates spread over. */
const START_MS = Date.UTC(2025, 0, 1);
const SPAN_MS = 730 * 86_400_000;
/** Offsets as outlets write them; the stores must bucket in UTC whatever the offset. */
const ZONES = ['Z', '+01:00', '+03:00', '-05:00'];
/** Share of articles without a date (feeds and pages without one exist). */
const UNDATED_SHARE = 0.01;

/** Earlier entries are picked more often: index ⌊n·r²⌋ favours the head of the list. */
function skewed<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(items.length * random() ** 2)]!;
}

function isoWithZone(ms: number, zone: string): string {
  if (zone === 'Z') return new Date(ms).toISOString();
  const sign = zone.startsWith('-') ? -1 : 1;
  const offsetMs = sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4))) * 60_000;
  return `${new Date(ms + offsetMs).toISOString().slice(0, 19)}${zone}`;
}

function tags(random: Random) {
  const topics = [
    ...new Set(Array.from({ length: intBetween(random, 0, 3) }, () => skewed(random, TOPICS))),
  ];
  const countries = [
    ...new Set(Array.from({ length: intBetween(random, 0, 3) }, () => skewed(random, COUNTRIES))),
  ];
  const pairs = countries.length >= 2 ? [[countries[0], countries[1]].sort().join('-')] : [];
  const mentions = [...new Set([...countries, ...pickDistinct(random, COUNTRIES, 2)])];
  return { topics, countries, pairs, country_mentions: mentions };
}

function article(random: Random, n: number, pool: LanguagePool): ArticleDocument {
  const publishedMs = START_MS + Math.floor(random() * SPAN_MS);
  const body = composeParagraphs(random, pool).join('\n\n');
  const id = createHash('sha256').update(`generated-${n}`).digest('hex').slice(0, 32);
  const seen = new Date(publishedMs + 600_000).toISOString();
  return {
    id,
    url: `https://${pool.language}.news.example/${n}`,
    title: `${pick(random, pool.headlineLeads)}: ${pick(random, pool.headlineTails)}`,
    body,
    authors: [pick(random, pool.authors)],
    ...(random() >= UNDATED_SHARE && {
      published_at: isoWithZone(publishedMs, pick(random, ZONES)),
    }),
    first_seen_at: seen,
    fetched_at: seen,
    language: pool.language,
    feed_id: pick(random, FEEDS),
    source: { name: pool.outlet, domain: `${pool.language}.news.example` },
    ...tags(random),
    topic_evidence: { topics: {}, countries: {}, actors: {}, pairs: {} },
    actors: [],
    cites: [],
    content_hash: createHash('sha256').update(body).digest('hex'),
    tagger_version: 'generated',
  };
}

/** `count` articles, the same ones for the same seed. */
export function* generateArticles(count: number, seed = 1): Generator<ArticleDocument> {
  const random = seededRandom(seed);
  for (let n = 0; n < count; n++) yield article(random, n, pick(random, POOLS));
}
