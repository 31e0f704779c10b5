import type { CheerioAPI } from 'cheerio/slim';
import type { Extraction } from '../core/document.js';
import { readAuthors } from './authors.js';
import { readDates } from './dates.js';
import type { JsonLdArticle } from './jsonld.js';
import { readCanonical, readLanguage, readLeadImage, readSiteName, readTitle } from './meta.js';
import type { Sourced } from './provenance.js';

export type Metadata = Omit<Extraction, 'text' | 'cites'>;

/** A saved page (file: URL) belongs to the site its canonical link names. */
export function pageUrl(url: string, canonical: string | undefined): string {
  return /^https?:/i.test(url) ? url : (canonical ?? url);
}

/** Title, authors, dates, language, canonical URL, site name and lead image, each with its source. */
export function readMetadata(
  $: CheerioAPI,
  url: string,
  jsonLd: JsonLdArticle | undefined,
): Metadata {
  const siteName = readSiteName($, jsonLd);
  const canonical = readCanonical($, url);
  const base = pageUrl(url, canonical.value);
  const dates = readDates($, jsonLd, base);
  const fields: Record<string, Sourced<unknown>> = {
    title: readTitle($, jsonLd, siteName.value),
    authors: readAuthors($, jsonLd),
    language: readLanguage($, jsonLd),
    canonical_url: canonical,
    site_name: siteName,
    lead_image: readLeadImage($, base),
  };
  const provenance: Record<string, string> = { ...definedOnly(dates.sources) };
  for (const [name, found] of Object.entries(fields)) {
    if (found.source !== undefined) provenance[name] = found.source;
  }
  return {
    title: fields.title?.value as string | undefined,
    authors: (fields.authors?.value as string[] | undefined) ?? [],
    published_at: dates.published_at,
    updated_at: dates.updated_at,
    language: fields.language?.value as string | undefined,
    canonical_url: canonical.value,
    site_name: siteName.value,
    lead_image: fields.lead_image?.value as string | undefined,
    provenance,
    warnings: dates.warnings,
  };
}

function definedOnly(sources: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(sources).filter((e): e is [string, string] => e[1] !== undefined),
  );
}
