import type { ArticleDocument } from '../../src/core/document.js';

type TagFields = Pick<
  ArticleDocument,
  'topics' | 'topic_evidence' | 'countries' | 'country_mentions' | 'actors' | 'pairs'
>;

/** The tag fields of a document the tagger found nothing in: fresh arrays for every call. */
export function untagged(): TagFields {
  return {
    topics: [],
    topic_evidence: { topics: {}, countries: {}, actors: {}, pairs: {} },
    countries: [],
    country_mentions: [],
    actors: [],
    pairs: [],
  };
}
