import type { CheerioAPI } from 'cheerio/slim';
import type { JsonLdArticle } from './jsonld.js';

/** The content of the first non-empty `<meta>` among `names` (name, property or itemprop). */
export function metaContent($: CheerioAPI, names: string[]): string | undefined {
  for (const name of names) {
    const selector = `meta[property="${name}"], meta[name="${name}" i], meta[itemprop="${name}"]`;
    for (const el of $(selector).toArray()) {
      const content = $(el).attr('content')?.replace(/\s+/g, ' ').trim();
      if (content) return content;
    }
  }
  return undefined;
}

/** " | RT DE", " - Spiegel", " — Reuters": separators between a headline and the site name. */
const SITE_SEPARATOR = /\s+[|\-–—:·•»«]{1,2}\s+/g;
/** A site name is short; a longer tail is part of the headline ("Wahl 2026 – die Ergebnisse"). */
const MAX_SITE_WORDS = 3;

export function stripSiteSuffix(title: string, siteName?: string): string {
  const separators = [...title.matchAll(SITE_SEPARATOR)];
  const last = separators.at(-1);
  if (last?.index === undefined) return title;
  const head = title.slice(0, last.index).trim();
  const tail = title.slice(last.index + last[0].length).trim();
  const isSite =
    (siteName !== undefined && tail.toLowerCase() === siteName.toLowerCase()) ||
    (wordCount(tail) <= MAX_SITE_WORDS && wordCount(head) > wordCount(tail));
  return isSite && head !== '' ? head : title;
}

function wordCount(text: string): number {
  return text.split(/\s+/).length;
}

export function readTitle(
  $: CheerioAPI,
  jsonLd: JsonLdArticle | undefined,
  siteName?: string,
): string | undefined {
  const og = metaContent($, ['og:title', 'twitter:title']);
  const h1 = $('h1').first().text().replace(/\s+/g, ' ').trim();
  const docTitle = $('title').first().text().replace(/\s+/g, ' ').trim();
  const candidate = og ?? jsonLd?.headline ?? (h1 || undefined) ?? (docTitle || undefined);
  if (candidate === undefined) return undefined;
  return candidate === h1 ? h1 : stripSiteSuffix(candidate, siteName);
}

export function readSiteName($: CheerioAPI, jsonLd: JsonLdArticle | undefined): string | undefined {
  return metaContent($, ['og:site_name', 'application-name']) ?? jsonLd?.publisher;
}

/** ISO 639-1: the primary subtag of "de-DE", "ru_RU", "en-GB", lower case. */
export function toIso6391(tag: string | undefined): string | undefined {
  const primary = tag
    ?.trim()
    .split(/[-_\s,;]/)[0]
    ?.toLowerCase();
  return primary !== undefined && /^[a-z]{2}$/.test(primary) ? primary : undefined;
}

export function readLanguage($: CheerioAPI, jsonLd: JsonLdArticle | undefined): string | undefined {
  const declared = [
    $('html').attr('lang'),
    $('html').attr('xml:lang'),
    metaContent($, ['og:locale']),
    $('meta[http-equiv="content-language" i]').attr('content'),
    metaContent($, ['language', 'dc.language']),
    jsonLd?.inLanguage,
  ];
  return declared.map(toIso6391).find((lang) => lang !== undefined);
}

export function readCanonical($: CheerioAPI, pageUrl: string): string | undefined {
  const href = $('link[rel~="canonical" i]').attr('href') ?? metaContent($, ['og:url']);
  return href === undefined ? undefined : absoluteHttpUrl(href, pageUrl);
}

export function absoluteHttpUrl(href: string, base: string): string | undefined {
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
