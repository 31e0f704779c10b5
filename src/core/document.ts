/** Evidence for one tag: which terms matched, where, how often, and the resulting score. */
export interface TagEvidence {
  score: number;
  matches: { term: string; field: 'title' | 'body'; count: number }[];
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
  source: { name?: string; domain: string; country?: string };
  topics: string[];
  topic_evidence: TagResult['evidence'];
  countries: string[];
  country_mentions: string[];
  actors: string[];
  pairs: string[];
  cites: string[];
  content_hash: string;
  tagger_version: string;
}
