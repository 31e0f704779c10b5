import { parseFeed as parseAnyFeed, type AnyFeed } from 'feedsmith';
import type { ParsedFeed } from '../core/feed-types.js';
import { FeedParseError } from '../core/stage-errors.js';
import { BASE64_MODE } from './base64-text.js';
import { guardFeedText } from './guard.js';
import { mapAtom } from './map-atom.js';
import { mapJson } from './map-json.js';
import { mapRdf, mapRss } from './map-rss.js';

export interface ParsedFeedDocument {
  parsed: ParsedFeed;
  /** RSS <ttl>: minutes the publisher says the feed may be cached. */
  ttlMinutes?: number;
}

/**
 * Parses RSS 0.9x/2.0, RSS 1.0 (RDF), Atom 0.3/1.0 or JSON Feed. Links come out absolute
 * (xml:base, then `feedUrl`), dates ISO 8601 UTC, titles plain text.
 */
export function parseFeed(text: string, feedUrl: string): ParsedFeed {
  return parseFeedDocument(text, feedUrl).parsed;
}

/** A feed root element and no item or entry: a new or emptied feed. */
const FEED_ROOT = /<(rss|feed|rdf:RDF)\b/;
const ANY_ITEM = /<(item|entry)\b/;

export function parseFeedDocument(text: string, feedUrl: string): ParsedFeedDocument {
  // feedsmith refuses a feed without items; an outlet's empty feed is not a broken one.
  if (FEED_ROOT.test(text) && !ANY_ITEM.test(text) && !isParseable(text)) {
    guardFeedText(text, feedUrl);
    return { parsed: { feed: {}, items: [] } };
  }
  const document = parseWithFeedsmith(text, feedUrl);
  switch (document.format) {
    case 'rss':
      return { parsed: mapRss(document.feed, feedUrl), ttlMinutes: document.feed.ttl };
    case 'rdf':
      return { parsed: mapRdf(document.feed, feedUrl) };
    case 'atom':
      return { parsed: mapAtom(document.feed, feedUrl, BASE64_MODE.test(text)) };
    case 'json':
      return { parsed: mapJson(document.feed, feedUrl) };
  }
}

function parseWithFeedsmith(text: string, feedUrl: string): AnyFeed {
  guardFeedText(text, feedUrl);
  try {
    return parseAnyFeed(text);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new FeedParseError(`${feedUrl}: not a readable feed (${reason})`, {
      cause: err,
      context: { url: feedUrl },
    });
  }
}

function isParseable(text: string): boolean {
  try {
    parseAnyFeed(text);
    return true;
  } catch {
    return false;
  }
}
