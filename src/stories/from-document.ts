import type { ArticleDocument } from '../core/document.js';
import type { NewStoryDocument } from './assign.js';
import { creditedSources } from './credits.js';
import { fingerprint } from './fingerprint.js';
import type { SourceDirectory } from './sources.js';

/** What assignStory needs of a freshly built article: its source, credits and fingerprint. */
export function newStoryDocument(
  doc: ArticleDocument,
  directory: SourceDirectory,
): NewStoryDocument {
  return {
    id: doc.id,
    source_id: directory.sourceOf(doc.source.domain),
    published_at: doc.published_at,
    first_seen_at: doc.first_seen_at,
    fingerprint: fingerprint(doc.body),
    credited_sources: creditedSources(doc.body, doc.cites, directory),
  };
}
