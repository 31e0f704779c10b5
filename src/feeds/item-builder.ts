import type { Enclosure, FeedItem } from '../core/feed-types.js';
import { safeCanonicalUrl } from './canonical-url.js';
import { toIsoDate } from './dates.js';
import { resolveUrl, uniqueNames } from './text.js';

/** Format-neutral item fields, links still as written in the feed. */
export interface RawItem {
  id?: string;
  title?: string;
  link?: string;
  dates: (string | undefined)[];
  authors: (string | undefined)[];
  summary?: string;
  content?: string;
  enclosures: { url?: string; type?: string; length?: number }[];
}

/**
 * Builds the FeedItem: links absolute against `base`, dates ISO UTC, canonical URL added under the
 * bundled dedupe rules (the pipeline applies the operator's own, see urlIdentity).
 */
export function buildItem(raw: RawItem, base: string): FeedItem {
  const link = resolveUrl(raw.link, base);
  const authors = uniqueNames(raw.authors);
  const item: FeedItem = { authors, enclosures: buildEnclosures(raw.enclosures, base) };
  assignDefined(item, {
    id: raw.id?.trim() || link,
    title: raw.title,
    link,
    canonical_url: link === undefined ? undefined : safeCanonicalUrl(link),
    published_at: raw.dates.map(toIsoDate).find((date) => date !== undefined),
    author: authors[0],
    summary: raw.summary,
    content: raw.content,
  });
  return item;
}

function buildEnclosures(raw: RawItem['enclosures'], base: string): Enclosure[] {
  const byUrl = new Map<string, Enclosure>();
  for (const entry of raw) {
    const url = resolveUrl(entry.url, base);
    if (url === undefined || byUrl.has(url)) continue;
    const enclosure: Enclosure = { url };
    assignDefined(enclosure, { type: entry.type, length: entry.length });
    byUrl.set(url, enclosure);
  }
  return [...byUrl.values()];
}

/** Copies only defined values, so optional fields are absent rather than `undefined`. */
export function assignDefined<T extends object>(target: T, values: Partial<T>): void {
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined) (target as Record<string, unknown>)[key] = value;
  }
}
