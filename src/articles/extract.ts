import { load, type CheerioAPI } from 'cheerio/slim';
import type { Document } from 'domhandler';
import type { Extraction } from '../core/document.js';
import { NoArticleTextError } from '../core/stage-errors.js';
import { extractMainContent, type MainContent } from './body.js';
import { readCites } from './cites.js';
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
  const metadata = readMetadata($, url);
  const content = mainContent($, html, metadata.title);
  if (content.text.length < MIN_ARTICLE_CHARS) {
    const reason = noTextReason(html);
    const found = `${content.text.length} characters`;
    const message = `no article text (${reason === undefined ? found : `${found}; ${reason}`})`;
    throw new NoArticleTextError(message, { context: { url } });
  }
  const cites = readCites(content.containers, content.text, pageUrl(url, metadata.canonical_url));
  return { ...metadata, text: content.text, html: content.html, cites };
}

/** Runs after the metadata is read: the body pass strips the very DOM `$` holds. */
function mainContent($: CheerioAPI, html: string, title: string | undefined): MainContent {
  const first = extractMainContent($.root()[0] as Document, {
    useHints: true,
    keepNoscript: false,
    title,
  });
  if (first.text.length >= RETRY_BELOW_CHARS) return first;
  const second = extractMainContent(load(html).root()[0] as Document, {
    useHints: false,
    keepNoscript: true,
    title,
  });
  return second.text.length > first.text.length ? second : first;
}
