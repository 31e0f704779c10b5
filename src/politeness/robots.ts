import robotsParserModule from 'robots-parser';
import { PresswatchError } from '../core/errors.js';
import { HttpStatusError } from '../core/http-errors.js';
import type { HttpClient } from '../core/http-types.js';
import { maxAgeFromCacheControl } from '../feeds/cache-hints.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
/** RFC 9309 §2.4: a robots.txt should not be cached for more than 24 h; an hour at least. */
const MAX_CACHE_MS = 24 * HOUR_MS;
const MIN_CACHE_MS = HOUR_MS;
/** An unreachable robots.txt (5xx, network) means "disallow all" (RFC 9309) for this long. */
const UNREACHABLE_CACHE_MS = 15 * MINUTE_MS;
/** RFC 9309 §2.5: parse at least 500 KiB; beyond that is not a robots file. */
const MAX_ROBOTS_BYTES = 500 * 1024;
/** A Crawl-delay above two minutes is read as two: beyond it no newsroom could be followed. */
const MAX_CRAWL_DELAY_MS = 2 * MINUTE_MS;
/** The product token robots.txt groups are matched against. */
export const ROBOTS_AGENT = 'presswatch';

export class RobotsDisallowedError extends PresswatchError {
  readonly code = 'ROBOTS_DISALLOWED';
  readonly disposition = 'permanent';
}

export class RobotsUnavailableError extends PresswatchError {
  readonly code = 'ROBOTS_UNAVAILABLE';
  readonly disposition = 'retryable';
}

interface Robot {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
}
/** robots-parser is CommonJS exporting the function itself; its types declare a default. */
const robotsParser = robotsParserModule as unknown as (url: string, text: string) => Robot;
interface Entry {
  /** undefined: no robots.txt (4xx), everything allowed; null: unreachable. */
  robot: Robot | undefined | null;
  expiresAt: number;
}

export interface RobotsPolicy {
  /** Throws RobotsDisallowedError or RobotsUnavailableError when `url` may not be fetched. */
  check(url: string): Promise<void>;
  /** The host's Crawl-delay in ms, once its robots.txt has been read. */
  crawlDelayMs(host: string): number | undefined;
}

/** robots.txt per origin, cached with its own expiry; one fetch at a time per origin. */
function robotsCache(http: HttpClient, now: () => number) {
  const cache = new Map<string, Entry>();
  const pending = new Map<string, Promise<Entry>>();
  /** The gate asks by host on every request: a direct lookup. */
  const byHost = new Map<string, Entry>();
  return {
    async entryFor(origin: string): Promise<Entry> {
      const cached = cache.get(origin);
      if (cached !== undefined && cached.expiresAt > now()) return cached;
      const inFlight = pending.get(origin) ?? fetchRobots(http, origin, now);
      pending.set(origin, inFlight);
      try {
        const entry = await inFlight;
        cache.set(origin, entry);
        byHost.set(new URL(origin).host, entry);
        return entry;
      } finally {
        pending.delete(origin);
      }
    },
    robotOfHost(host: string): Robot | undefined | null {
      return byHost.get(host)?.robot;
    },
  };
}

export function createRobotsPolicy(http: HttpClient, now: () => number = Date.now): RobotsPolicy {
  const cache = robotsCache(http, now);
  return {
    async check(url) {
      const { robot } = await cache.entryFor(new URL(url).origin);
      if (robot === null) throw new RobotsUnavailableError(`robots.txt of ${url} unreachable`);
      if (robot?.isAllowed(url, ROBOTS_AGENT) === false)
        throw new RobotsDisallowedError(`robots.txt disallows ${url}`, { context: { url } });
    },
    crawlDelayMs(host) {
      const seconds = cache.robotOfHost(host)?.getCrawlDelay(ROBOTS_AGENT);
      return seconds === undefined ? undefined : Math.min(seconds * 1000, MAX_CRAWL_DELAY_MS);
    },
  };
}

async function fetchRobots(http: HttpClient, origin: string, now: () => number): Promise<Entry> {
  const url = `${origin}/robots.txt`;
  try {
    const response = await http.get({ url, maxBytes: MAX_ROBOTS_BYTES });
    const maxAge = maxAgeFromCacheControl(response.headers['cache-control']) ?? MAX_CACHE_MS;
    const ttl = Math.min(Math.max(maxAge, MIN_CACHE_MS), MAX_CACHE_MS);
    return { robot: robotsParser(url, response.body.toString('utf8')), expiresAt: now() + ttl };
  } catch (err) {
    // RFC 9309 §2.3.1.3: a 4xx robots.txt means no rules at all.
    if (err instanceof HttpStatusError && err.status >= 400 && err.status < 500)
      return { robot: undefined, expiresAt: now() + MAX_CACHE_MS };
    return { robot: null, expiresAt: now() + UNREACHABLE_CACHE_MS };
  }
}
