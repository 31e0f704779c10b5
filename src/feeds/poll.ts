import { createHash } from 'node:crypto';
import type { FeedConfig, FeedState, ParsedFeed } from '../core/feed-types.js';
import type { HttpClient, HttpResponse } from '../core/http-types.js';
import { cacheHintsFromHeaders, ttlToMs, type CacheHints } from './cache-hints.js';
import { decodeFeed } from './decode.js';
import { parseFeedDocument } from './parse.js';

export interface Validators {
  etag?: string;
  lastModified?: string;
  bodyHash: string;
}

export type PollResult =
  | { kind: 'not-modified'; status: 304; cache: CacheHints }
  /** 200 with the same bytes as last time: a stale ETag, nothing new. */
  | { kind: 'unchanged'; status: number; validators: Validators; cache: CacheHints }
  | { kind: 'parsed'; status: number; validators: Validators; cache: CacheHints; feed: ParsedFeed };

const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, ' +
  'application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';

/** One conditional GET of a feed. Fetch and parse errors propagate to the caller. */
export async function pollFeed(
  feed: FeedConfig,
  state: FeedState | undefined,
  http: HttpClient,
): Promise<PollResult> {
  const response = await http.get({ url: feed.url, headers: conditionalHeaders(state) });
  const cache = cacheHintsFromHeaders(response.headers, new Date());
  if (response.status === 304) return { kind: 'not-modified', status: 304, cache };
  const validators = validatorsOf(response.headers, response.body);
  if (state?.bodyHash === validators.bodyHash) {
    return { kind: 'unchanged', status: response.status, validators, cache };
  }
  return { kind: 'parsed', status: response.status, validators, ...parseBody(response, cache) };
}

/** Relative links resolve against where the feed really is, after redirects. */
function parseBody(
  response: HttpResponse,
  cache: CacheHints,
): { cache: CacheHints; feed: ParsedFeed } {
  const text = decodeFeed(response.body, response.headers['content-type']);
  const { parsed, ttlMinutes } = parseFeedDocument(text, response.url);
  const ttlMs = ttlToMs(ttlMinutes);
  return { cache: ttlMs === undefined ? cache : { ...cache, ttlMs }, feed: parsed };
}

/**
 * After 12 answers of 304 in a row (3 h at 15 min) the feed is fetched in full once: a server
 * whose ETag or Last-Modified is stuck would otherwise hide new items for ever.
 */
export const FULL_FETCH_AFTER_NOT_MODIFIED = 12;

function conditionalHeaders(state: FeedState | undefined): Record<string, string> {
  const headers: Record<string, string> = { accept: FEED_ACCEPT };
  if ((state?.notModifiedStreak ?? 0) >= FULL_FETCH_AFTER_NOT_MODIFIED) return headers;
  if (state?.etag !== undefined) headers['if-none-match'] = state.etag;
  if (state?.lastModified !== undefined) headers['if-modified-since'] = state.lastModified;
  return headers;
}

function validatorsOf(headers: Record<string, string>, body: Buffer): Validators {
  const validators: Validators = { bodyHash: createHash('sha256').update(body).digest('hex') };
  if (headers.etag !== undefined) validators.etag = headers.etag;
  if (headers['last-modified'] !== undefined) validators.lastModified = headers['last-modified'];
  return validators;
}
