// The two freshness delays, stored as numbers when a document is written, so `feeds status`
// can aggregate them (percentiles per feed) instead of reading every timeline: a delay is a
// difference of two date fields, which a query could only compute with Painless, absent from
// some distributions. They are index-only: reads leave them out of _source (DELAYS_FIELD),
// so documents read back match the contract, and the embedded store's, field for field.
import type { ArticleDocument } from '../../core/document.js';
import { isoToMs } from '../dates.js';

/** The object holding the delays; reads exclude it, as it is not part of the contract. */
export const DELAYS_FIELD = 'freshness';
export const DISCOVERY_DELAY = `${DELAYS_FIELD}.published_to_first_seen_ms`;
export const INDEXING_DELAY = `${DELAYS_FIELD}.first_seen_to_indexed_ms`;

export interface StoredDelays {
  /** first_seen_at − published_at; negative when dated after first seen; absent when undated. */
  published_to_first_seen_ms?: number;
  /** indexed_at − first_seen_at, at least 0 (an earlier indexed_at is clock skew). */
  first_seen_to_indexed_ms: number;
}

export type IndexedDocument = ArticleDocument & { [DELAYS_FIELD]?: StoredDelays };

/**
 * The document as one write stores it: stamped `indexed_at` and the delays from that same
 * stamp. A rewrite (retag, import) stamps both anew, as the embedded store, which derives the
 * delays from its indexed_at column when asked, does: the two stores give the same figures.
 * Dates are read as Elasticsearch reads them (a date-time without a zone is UTC).
 */
export function withDelays(doc: ArticleDocument, indexedAt: string): IndexedDocument {
  const firstSeenMs = isoToMs(doc.first_seen_at);
  if (Number.isNaN(firstSeenMs)) return { ...doc, indexed_at: indexedAt };
  const publishedMs = doc.published_at === undefined ? Number.NaN : isoToMs(doc.published_at);
  const delays: StoredDelays = {
    ...(!Number.isNaN(publishedMs) && { published_to_first_seen_ms: firstSeenMs - publishedMs }),
    first_seen_to_indexed_ms: Math.max(0, isoToMs(indexedAt) - firstSeenMs),
  };
  return { ...doc, indexed_at: indexedAt, [DELAYS_FIELD]: delays };
}
