import type { CheerioAPI } from 'cheerio/slim';
import type { JsonLdArticle } from './jsonld.js';
import { firstSourced, type Sourced } from './provenance.js';

/** Every `<meta>` content by its name, property and itemprop (names lower-cased), in page order. */
type MetaIndex = Map<string, string[]>;
/** One pass over the page's `<meta>` elements per page: a selector per name walks the whole tree. */
const metaIndexes = new WeakMap<CheerioAPI, MetaIndex>();

function metaIndex($: CheerioAPI): MetaIndex {
  let index = metaIndexes.get($);
  if (index !== undefined) return index;
  index = new Map();
  for (const el of $('meta').toArray()) {
    const content = el.attribs.content?.replace(/\s+/g, ' ').trim();
    if (!content) continue;
    const { name, property, itemprop } = el.attribs;
    for (const key of new Set([name?.toLowerCase(), property, itemprop])) {
      if (key !== undefined) index.set(key, [...(index.get(key) ?? []), content]);
    }
  }
  metaIndexes.set($, index);
  return index;
}

/** The content of the first non-empty `<meta>` among `names` (name, property or itemprop). */
export function metaContent($: CheerioAPI, names: string[]): string | undefined {
  const index = metaIndex($);
  for (const name of names) {
    const content = index.get(name)?.[0] ?? index.get(name.toLowerCase())?.[0];
    if (content !== undefined) return content;
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
): Sourced<string> {
  const h1 = $('h1').first().text().replace(/\s+/g, ' ').trim() || undefined;
  const docTitle = $('title').first().text().replace(/\s+/g, ' ').trim() || undefined;
  const found = firstSourced([
    ['meta:og:title', metaContent($, ['og:title'])],
    ['meta:twitter:title', metaContent($, ['twitter:title'])],
    ['jsonld', jsonLd?.headline],
    ['h1', h1],
    ['title', docTitle],
  ]);
  if (found.value === undefined || found.value === h1) return found;
  return { value: stripSiteSuffix(found.value, siteName), source: found.source };
}

export function readSiteName($: CheerioAPI, jsonLd: JsonLdArticle | undefined): Sourced<string> {
  return firstSourced([
    ['meta:og:site_name', metaContent($, ['og:site_name'])],
    ['meta:application-name', metaContent($, ['application-name'])],
    ['jsonld', jsonLd?.publisher],
  ]);
}

/** The picture a teaser shows: og:image, twitter:image, then `<link rel="image_src">`. */
export function readLeadImage($: CheerioAPI, pageUrl: string): Sourced<string> {
  const href = (raw: string | undefined) =>
    raw === undefined ? undefined : absoluteHttpUrl(raw, pageUrl);
  return firstSourced([
    ['meta:og:image', href(metaContent($, ['og:image', 'og:image:url']))],
    ['meta:twitter:image', href(metaContent($, ['twitter:image']))],
    ['link:image_src', href($('link[rel="image_src" i]').attr('href'))],
  ]);
}

/** ISO 639-1: the primary subtag of "de-DE", "ru_RU", "en-GB", lower case. */
export function toIso6391(tag: string | undefined): string | undefined {
  const primary = tag
    ?.trim()
    .split(/[-_\s,;]/)[0]
    ?.toLowerCase();
  return primary !== undefined && /^[a-z]{2}$/.test(primary) ? primary : undefined;
}

export function readLanguage($: CheerioAPI, jsonLd: JsonLdArticle | undefined): Sourced<string> {
  const html = $('html');
  return firstSourced<string>([
    ['html:lang', toIso6391(html.attr('lang'))],
    ['html:xml:lang', toIso6391(html.attr('xml:lang'))],
    ['meta:og:locale', toIso6391(metaContent($, ['og:locale']))],
    [
      'meta:content-language',
      toIso6391($('meta[http-equiv="content-language" i]').attr('content')),
    ],
    ['meta:language', toIso6391(metaContent($, ['language', 'dc.language']))],
    ['jsonld', toIso6391(jsonLd?.inLanguage)],
  ]);
}

export function readCanonical($: CheerioAPI, pageUrl: string): Sourced<string> {
  const href = (raw: string | undefined) =>
    raw === undefined ? undefined : absoluteHttpUrl(raw, pageUrl);
  return firstSourced([
    ['link:canonical', href($('link[rel~="canonical" i]').attr('href'))],
    ['meta:og:url', href(metaContent($, ['og:url']))],
  ]);
}

export function absoluteHttpUrl(href: string, base: string): string | undefined {
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
