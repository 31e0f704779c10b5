/** Evidence for one tag: which terms matched, where, how often, and the resulting score. */
export interface TagEvidence {
  score: number;
  /** `forms`: the term as written in the article (`Militärbündnis` for `Bündnis`), up to five. */
  matches: { term: string; field: 'title' | 'body'; count: number; forms?: string[] }[];
}

export interface TagResult {
  language: string;
  topics: string[];
  countries: string[];
  country_mentions: string[];
  actors: string[];
  pairs: string[];
  evidence: {
    topics: Record<string, TagEvidence>;
    countries: Record<string, TagEvidence>;
    actors: Record<string, TagEvidence>;
    pairs: Record<string, TagEvidence & { relation?: string }>;
  };
}

/** What the extract stage gets out of a page. */
export interface Extraction {
  title?: string;
  authors: string[];
  published_at?: string;
  updated_at?: string;
  language?: string;
  canonical_url?: string;
  site_name?: string;
  text: string;
  /** Domains the article links to or credits (`~ de.rt.com`, "Quelle: TASS"). */
  cites: string[];
  /** The teaser picture (og:image and the like), absolute. */
  lead_image?: string;
  /** The article as an HTML subset (paragraphs, headings, lists, tables, links), for later use. */
  html?: string;
  /** Where each metadata field came from, by field name: `{ published_at: 'jsonld' }`. */
  provenance?: Record<string, string>;
  /** What the page said that extraction set aside, such as a date in the future. */
  warnings?: string[];
}

/** The document contract of DESIGN.md, as stored in Elasticsearch and in SQLite. */
export interface ArticleDocument {
  id: string;
  url: string;
  title: string;
  body: string;
  summary?: string;
  authors: string[];
  published_at?: string;
  updated_at?: string;
  first_seen_at: string;
  fetched_at: string;
  indexed_at?: string;
  language?: string;
  feed_id: string;
  /** `id`: the configured source owning the domain (mirrors are one source), else the domain. */
  source: { id?: string; name?: string; domain: string; country?: string };
  topics: string[];
  topic_evidence: TagResult['evidence'];
  countries: string[];
  country_mentions: string[];
  actors: string[];
  pairs: string[];
  cites: string[];
  content_hash: string;
  tagger_version: string;
  /**
   * Story fields, set by the story stage before a document is stored (src/pipeline/story-stage.ts);
   * absent on documents stored before it existed. `story_id` is the id of the story's first
   * stored member; `origin_overlap` how much of the story's origin this text carries (0 to 1),
   * as known when it was stored.
   */
  story_id?: string;
  copied_from?: string;
  copied_by?: 'credit' | 'overlap';
  /**
   * Source ids the text credits (creditedSources: cited domains and outlets named in credit
   * prose), kept so that a later re-decision (a late origin, the story view) still sees a prose
   * credit it cannot re-read without the body.
   */
  credited_sources?: string[];
  origin_overlap?: number;
  /** The body's MinHash (encodeFingerprint): stored, not indexed. */
  fingerprint?: string;
  /** The fingerprint's banded LSH keys, indexed as terms: one query finds a story's candidates. */
  lsh_keys?: string[];
}
