import type { LanguagePool } from './language-pool.js';
import { POOL_DE } from './pool-de.js';
import { POOL_EN } from './pool-en.js';
import { POOL_RU } from './pool-ru.js';
import { renderPage, type PageArticle } from './page-template.js';
import { renderBenchFeed, type FeedEntry } from './bench-feed.js';
import { servedBody, type ServedBody } from './served-body.js';
import { intBetween, mixSeed, pick, seededRandom, type Random } from './seeded-random.js';
import { composeComments, composeParagraphs } from './compose-article.js';

export interface GeneratedSiteOptions {
  feeds: number;
  articlesPerFeed: number;
  /** Same seed, same pages and feeds. Default 1. */
  seed?: number;
  /** Publication dates fall in the week before this. Default: the start of the current UTC hour. */
  now?: Date;
}

/** Feed i is one outlet in one language, as real feeds are. */
const POOLS: readonly LanguagePool[] = [POOL_DE, POOL_EN, POOL_RU];
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
/** A week of history, what a feed of a daily outlet typically still lists. */
const SPREAD_MINUTES = 7 * 24 * 60;
/** 52–148 kB keeps pages inside 50–150 KB however KB is counted, the state blob's overshoot included. */
const MIN_PAGE_BYTES = 52_000;
const MAX_PAGE_BYTES = 148_000;
/** Teasers in the related-articles sidebar. */
const RELATED_COUNT = 8;

export const generatedFeedPath = (feed: number): string => `/bench/feed-${feed}.xml`;
export const generatedArticlePath = (feed: number, item: number): string =>
  `/bench/${feed}/${item}.html`;

/** Every generated feed path for these options, for configuring a benchmark. */
export function generatedFeedPaths(options: GeneratedSiteOptions): string[] {
  return Array.from({ length: options.feeds }, (_, i) => generatedFeedPath(i));
}

/** Benchmark content: RSS feeds and article pages, made on first request and then kept. */
export class GeneratedSite {
  private readonly cache = new Map<string, ServedBody>();
  private readonly seed: number;
  private readonly nowMs: number;

  constructor(
    private readonly options: GeneratedSiteOptions,
    private readonly baseUrl: string,
  ) {
    this.seed = options.seed ?? 1;
    this.nowMs = options.now?.getTime() ?? Math.floor(Date.now() / HOUR_MS) * HOUR_MS;
  }

  /** The feed or page at this path, or undefined when there is none. */
  lookup(path: string): ServedBody | undefined {
    const cached = this.cache.get(path);
    if (cached !== undefined) return cached;
    const served = this.render(path);
    if (served !== undefined) this.cache.set(path, served);
    return served;
  }

  private render(path: string): ServedBody | undefined {
    const feed = /^\/bench\/feed-(\d+)\.xml$/.exec(path);
    if (feed && this.isFeed(Number(feed[1]))) return this.renderFeed(Number(feed[1]));
    const page = /^\/bench\/(\d+)\/(\d+)\.html$/.exec(path);
    if (page && this.isArticle(Number(page[1]), Number(page[2]))) {
      return this.renderArticle(Number(page[1]), Number(page[2]));
    }
    return undefined;
  }

  private isFeed(feed: number): boolean {
    return feed < this.options.feeds;
  }

  private isArticle(feed: number, item: number): boolean {
    return this.isFeed(feed) && item < this.options.articlesPerFeed;
  }

  private renderFeed(feed: number): ServedBody {
    const entries = Array.from({ length: this.options.articlesPerFeed }, (_, j) =>
      this.entry(feed, j),
    );
    const xml = renderBenchFeed(this.baseUrl, feed, POOLS[feed % POOLS.length]!, entries);
    return servedBody(Buffer.from(xml), 'application/rss+xml; charset=utf-8', this.nowMs);
  }

  /** What the feed says about an item; cheap, so feeds and sidebars can list many. */
  private entry(feed: number, item: number): FeedEntry & { random: Random } {
    const pool = POOLS[feed % POOLS.length]!;
    const random = seededRandom(mixSeed(this.seed, feed, item));
    return {
      url: this.baseUrl + generatedArticlePath(feed, item),
      title: `${pick(random, pool.headlineLeads)}: ${pick(random, pool.headlineTails)}`,
      teaser: pick(random, [...pool.geoSentences, ...pool.neutralSentences]),
      author: pick(random, pool.authors),
      // Whole minutes, as newsrooms' systems stamp them.
      publishedAt: new Date(this.nowMs - Math.floor(random() * SPREAD_MINUTES) * MINUTE_MS),
      random,
    };
  }

  private renderArticle(feed: number, item: number): ServedBody {
    const pool = POOLS[feed % POOLS.length]!;
    const { random, ...entry } = this.entry(feed, item);
    const article: PageArticle = {
      ...entry,
      baseUrl: this.baseUrl,
      pool,
      section: pick(random, pool.nav.slice(1, 8)),
      paragraphs: composeParagraphs(random, pool),
      related: this.related(feed, item),
      comments: composeComments(random, pool),
    };
    const html = renderPage(article, intBetween(random, MIN_PAGE_BYTES, MAX_PAGE_BYTES));
    const type = 'text/html; charset=utf-8';
    return servedBody(Buffer.from(html), type, entry.publishedAt.getTime());
  }

  private related(feed: number, item: number): { title: string; url: string }[] {
    const count = Math.min(RELATED_COUNT, this.options.articlesPerFeed - 1);
    return Array.from({ length: count }, (_, k) => {
      const other = (item + k + 1) % this.options.articlesPerFeed;
      const { title, url } = this.entry(feed, other);
      return { title, url };
    });
  }
}
