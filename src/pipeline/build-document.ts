import { createHash } from 'node:crypto';
import type { ArticleDocument, Extraction, TagResult } from '../core/document.js';
import type { ArticleTask } from './article-task.js';

export interface FetchedArticle {
  task: ArticleTask;
  extraction: Extraction;
  tags: TagResult;
  taggerVersion: string;
  fetchedAt: Date;
}

/** Page metadata first, the feed item's as fallback: the page is usually the more precise. */
export function buildDocument({
  task,
  extraction,
  tags,
  taggerVersion,
  fetchedAt,
}: FetchedArticle): ArticleDocument {
  return {
    id: task.id,
    url: task.url,
    title: extraction.title ?? task.item.title ?? '',
    body: extraction.text,
    summary: task.item.summary,
    authors: extraction.authors.length > 0 ? extraction.authors : task.item.authors,
    published_at: extraction.published_at ?? task.item.published_at,
    updated_at: extraction.updated_at,
    first_seen_at: task.firstSeenAt,
    fetched_at: fetchedAt.toISOString(),
    language: tags.language === 'und' ? undefined : tags.language,
    feed_id: task.feedId,
    source: sourceOf(task),
    topics: tags.topics,
    topic_evidence: tags.evidence,
    countries: tags.countries,
    country_mentions: tags.country_mentions,
    actors: tags.actors,
    pairs: tags.pairs,
    cites: extraction.cites,
    content_hash: createHash('sha256').update(extraction.text).digest('hex'),
    tagger_version: taggerVersion,
  };
}

function sourceOf(task: ArticleTask): ArticleDocument['source'] {
  const domain = new URL(task.url).hostname.replace(/^www\./, '');
  return { name: task.source.name, domain, country: task.source.country };
}
