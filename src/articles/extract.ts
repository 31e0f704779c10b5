import { load, type CheerioAPI } from 'cheerio/slim';
import type { Document } from 'domhandler';
import type { Extraction } from '../core/document.js';
import { NoArticleTextError } from '../core/stage-errors.js';
import { extractMainContent, type BodyOptions, type MainContent } from './body.js';
import { readCites } from './cites.js';
import { readJsonLd } from './jsonld.js';
import { noTextReason } from './no-text.js';
import { pageUrl, readMetadata } from './metadata.js';

/**
 * Below this many characters a page holds no article: a consent wall, a script shell or an
 * index teaser is one or two sentences, while the shortest agency flash is three (about 250
 * characters). Anything shorter would give the tagger a headline's worth of evidence.
 */
export const MIN_ARTICLE_CHARS = 200;
/**
 * Under this, the first pass probably lost the story to an over-eager class hint ("content
 * sidebar-layout"): try again without hints and keep the longer text (Readability does the same).
 */
const RETRY_BELOW_CHARS = 500;

/** Parses a decoded page into the extract stage's fields. Throws NoArticleTextError. */
export function extractArticle(html: string, url: string): Extraction {
  // cheerio/slim parses with htmlparser2: several times faster than the default parse5.
  const $ = load(html);
  const jsonLd = readJsonLd($);
  const metadata = readMetadata($, url, jsonLd);
  const content = mainContent($, html, metadata.title, jsonLd?.articleBody);
  if (content.text.length < MIN_ARTICLE_CHARS) {
    const reason = noTextReason(html);
    const found = `${content.text.length} characters`;
    const message = `no article text (${reason === undefined ? found : `${found}; ${reason}`})`;
    throw new NoArticleTextError(message, { context: { url } });
  }
  const cites = readCites(content.containers, content.text, pageUrl(url, metadata.canonical_url));
  return { ...metadata, text: content.text, html: content.html, cites };
}

/**
 * Runs after the metadata is read: the body pass strips the very DOM `$` holds. When the markup
 * yields little, the story may sit only in script data (an app shell, a paywall teaser): the
 * JSON-LD `articleBody` is then the longer and better text.
 */
function mainContent(
  $: CheerioAPI,
  html: string,
  title: string | undefined,
  articleBody: string | undefined,
): MainContent {
  const first = fromMarkup($, { useHints: true, keepNoscript: false, title });
  if (first.text.length >= RETRY_BELOW_CHARS) return first;
  const candidates = [
    first,
    fromMarkup(load(html), { useHints: false, keepNoscript: true, title }),
  ];
  if (articleBody !== undefined) candidates.push(fromArticleBody(articleBody, title));
  return candidates.reduce((best, next) => (next.text.length > best.text.length ? next : best));
}

function fromMarkup($: CheerioAPI, options: BodyOptions): MainContent {
  return extractMainContent($.root()[0] as Document, options);
}

/** articleBody is plain text with line breaks or an HTML fragment: either reads as paragraphs. */
function fromArticleBody(articleBody: string, title: string | undefined): MainContent {
  const paragraphs = articleBody.replace(/\n/g, '</p><p>');
  return fromMarkup(load(`<article><p>${paragraphs}</p></article>`), {
    useHints: false,
    keepNoscript: false,
    title,
  });
}
