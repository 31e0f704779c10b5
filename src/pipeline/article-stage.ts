import type { ArticleDocument, Extraction, TagResult } from '../core/document.js';
import type { HttpClient } from '../core/http-types.js';
import { UnsupportedContentError } from '../core/http-errors.js';
import { decodeHtml, extractArticle } from '../articles/index.js';
import type { ArticleTask } from './article-task.js';
import { buildDocument } from './build-document.js';

export interface Tagger {
  version: string;
  tag(input: { title: string; text: string; language?: string }): TagResult;
}

export interface ArticleStageDeps {
  http: HttpClient;
  tagger: Tagger;
  now: () => Date;
  /** The extraction pool's, where a page can be stopped; in this thread when absent (tests). */
  extract?: (html: string, url: string) => Promise<Extraction>;
}

async function extractHere(html: string, url: string): Promise<Extraction> {
  return extractArticle(html, url);
}

const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)\b/i;

/** article(task): fetch the page, decode, extract, tag: a document ready to store. */
export function createArticleStage(deps: ArticleStageDeps) {
  const extract = deps.extract ?? extractHere;
  return async function article(task: ArticleTask): Promise<ArticleDocument> {
    const response = await deps.http.get({ url: task.url });
    const contentType = response.headers['content-type'];
    if (contentType && !HTML_TYPES.test(contentType)) {
      throw new UnsupportedContentError(`not HTML: ${contentType}`, { context: { url: task.url } });
    }
    const extraction = await extract(decodeHtml(response.body, contentType), response.url);
    const title = extraction.title ?? task.item.title ?? '';
    const language = extraction.language ?? task.source.language;
    const tags = deps.tagger.tag({ title, text: extraction.text, language });
    return buildDocument({
      task,
      extraction,
      tags,
      taggerVersion: deps.tagger.version,
      fetchedAt: deps.now(),
    });
  };
}
