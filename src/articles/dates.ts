import type { CheerioAPI } from 'cheerio/slim';
import type { JsonLdArticle } from './jsonld.js';
import { metaContent } from './meta.js';
import type { Sourced } from './provenance.js';
import { visibleDate } from './visible-date.js';

export interface ArticleDates {
  published_at?: string;
  updated_at?: string;
  /** Where each date came from, by field name. */
  sources: { published_at?: string; updated_at?: string };
  /** Dates the page gave that were dropped: in the future, or before 1990. */
  warnings: string[];
}

/** Read only when the ones before it gave nothing: the later ones walk the page. */
type Candidate = [source: string, read: () => string | undefined];

/** Online news starts in the 1990s; an earlier date is a parse error or a placeholder. */
const EARLIEST = Date.UTC(1990, 0, 1);
/** Time zones and clock skew put honest dates up to a day ahead of our clock, no more. */
const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;
const URL_DATE = /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:\/|-|\.|$)/;

/** ISO 8601 in UTC, or undefined for unparseable, pre-1990 and future dates. */
export function normalizeDate(raw: string | undefined, now = Date.now()): string | undefined {
  if (raw === undefined) return undefined;
  const trimmed = raw.trim();
  // A bare date is a calendar day: read it as UTC midnight, not local midnight.
  const time = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(trimmed) ? `${trimmed}T00:00:00Z` : trimmed);
  if (Number.isNaN(time) || time < EARLIEST || time > now + FUTURE_TOLERANCE_MS) return undefined;
  return new Date(time).toISOString();
}

export function readDates(
  $: CheerioAPI,
  jsonLd: JsonLdArticle | undefined,
  url: string,
  now = Date.now(),
): ArticleDates {
  const warnings: string[] = [];
  const published = firstValid(publishedCandidates($, jsonLd, url), now, warnings);
  const updated = firstValid(updatedCandidates($, jsonLd), now, warnings);
  return {
    published_at: published.value,
    updated_at: updated.value,
    sources: { published_at: published.source, updated_at: updated.source },
    warnings,
  };
}

/** Most explicit first: structured data, then meta tags, then markup, then the URL. */
function publishedCandidates(
  $: CheerioAPI,
  jsonLd: JsonLdArticle | undefined,
  url: string,
): Candidate[] {
  const metaNames = ['article:published_time', 'og:published_time', 'datePublished', 'pubdate'];
  return [
    ['jsonld', () => jsonLd?.datePublished],
    ['meta', () => metaContent($, [...metaNames, 'date', 'dc.date.issued', 'dc.date'])],
    ['itemprop', () => itempropDate($, 'datePublished')],
    ['time:pubdate', () => $('time[pubdate]').first().attr('datetime')],
    ['time', () => articleTime($)],
    ['url', () => dateFromUrl(url)],
    ['text', () => visibleDate($)],
  ];
}

function updatedCandidates($: CheerioAPI, jsonLd: JsonLdArticle | undefined): Candidate[] {
  const metaNames = ['article:modified_time', 'og:updated_time', 'dateModified', 'last-modified'];
  return [
    ['jsonld', () => jsonLd?.dateModified],
    ['meta', () => metaContent($, metaNames)],
    ['itemprop', () => itempropDate($, 'dateModified')],
  ];
}

/** Reader comments and teaser lists carry `<time>` elements of their own, often earlier in the page. */
const NOT_ARTICLE_AREA =
  '[class*="comment"], [id*="comment"], aside, footer, [class*="related"], [class*="teaser"]';

function articleTime($: CheerioAPI): string | undefined {
  const own = $('time[datetime]')
    .toArray()
    .find((el) => $(el).closest(NOT_ARTICLE_AREA).length === 0);
  return own === undefined ? undefined : $(own).attr('datetime');
}

function itempropDate($: CheerioAPI, prop: string): string | undefined {
  const el = $(`[itemprop="${prop}"]`).first();
  return el.attr('datetime') ?? el.attr('content') ?? (el.text().trim() || undefined);
}

/** The first date that parses and is plausible; implausible ones are named in `warnings`. */
function firstValid(candidates: Candidate[], now: number, warnings: string[]): Sourced<string> {
  for (const [source, read] of candidates) {
    const raw = read();
    const date = normalizeDate(raw, now);
    if (date !== undefined) return { value: date, source };
    if (raw !== undefined && isImplausible(raw, now)) {
      warnings.push(`ignored ${source} date ${raw.trim()}: in the future or before 1990`);
    }
  }
  return {};
}

/** Parses, but lies outside the years a news page can carry. */
function isImplausible(raw: string, now: number): boolean {
  const time = Date.parse(raw.trim());
  return !Number.isNaN(time) && (time < EARLIEST || time > now + FUTURE_TOLERANCE_MS);
}

/** "/2026/03/14/" or "/2026-03-14-" in the article URL. */
export function dateFromUrl(url: string): string | undefined {
  const match = URL_DATE.exec(url);
  if (match === null) return undefined;
  const [, year, month, day] = match;
  return `${year}-${month?.padStart(2, '0')}-${day?.padStart(2, '0')}`;
}
