import type { estypes } from '@elastic/elasticsearch';

/** The names one index prefix owns. Documents are read and written through the alias only. */
export interface IndexNames {
  alias: string;
  template: string;
  pattern: string;
  firstIndex: string;
}

export function indexNames(prefix: string): IndexNames {
  const alias = `${prefix}-articles`;
  return {
    alias,
    template: `${alias}-template`,
    pattern: `${alias}-*`,
    // Six digits, as rollover numbers indices, so a later rollover continues the sequence.
    firstIndex: `${alias}-000001`,
  };
}

/**
 * Document language (ISO 639-1) → Elasticsearch's built-in analyzer for it. Every text field
 * gets one sub-field per entry (`body.de`), because an analyzer is chosen per field, not per
 * document; search queries all of them.
 */
export const LANGUAGE_ANALYZERS: Readonly<Record<string, string>> = {
  de: 'german',
  en: 'english',
  ru: 'russian',
};

/** `language`: per-language sub-fields; `standard`: the fallback where analysis-common is absent. */
export type AnalyzerProfile = 'language' | 'standard';

const TEXT_FIELDS = ['title', 'body', 'summary'] as const;
// Titles are short; longer ones are not worth an exact-match term (Kibana's usual cut-off).
const TITLE_KEYWORD_MAX_CHARS = 256;

const keyword: estypes.MappingProperty = { type: 'keyword' };
const date: estypes.MappingProperty = { type: 'date' };
const long: estypes.MappingProperty = { type: 'long' };

function languageSubFields(profile: AnalyzerProfile): Record<string, estypes.MappingProperty> {
  if (profile === 'standard') return {};
  const fields: Record<string, estypes.MappingProperty> = {};
  for (const [language, analyzer] of Object.entries(LANGUAGE_ANALYZERS)) {
    fields[language] = { type: 'text', analyzer };
  }
  return fields;
}

function textField(
  profile: AnalyzerProfile,
  extra: Record<string, estypes.MappingProperty> = {},
): estypes.MappingProperty {
  const fields = { ...languageSubFields(profile), ...extra };
  return Object.keys(fields).length === 0
    ? { type: 'text', analyzer: 'standard' }
    : { type: 'text', analyzer: 'standard', fields };
}

/** The document contract of DESIGN.md as an Elasticsearch mapping. */
export function articleMappings(profile: AnalyzerProfile): estypes.MappingTypeMapping {
  return {
    // Strict: a field outside the contract is a bug upstream; rejecting the document shows it at
    // once, where dynamic mapping would silently grow the mapping (and Kibana's fields) forever.
    dynamic: 'strict',
    properties: {
      id: keyword,
      url: keyword,
      title: textField(profile, {
        keyword: { type: 'keyword', ignore_above: TITLE_KEYWORD_MAX_CHARS },
      }),
      body: textField(profile),
      summary: textField(profile),
      authors: { type: 'text', analyzer: 'standard', fields: { keyword } },
      published_at: date,
      updated_at: date,
      first_seen_at: date,
      fetched_at: date,
      indexed_at: date,
      // Written with each document (delays.ts), left out of what reads return: what `feeds
      // status` aggregates per feed, as ms. `long` keeps whole milliseconds exact.
      freshness: {
        properties: { published_to_first_seen_ms: long, first_seen_to_indexed_ms: long },
      },
      language: keyword,
      feed_id: keyword,
      source: { properties: { id: keyword, name: keyword, domain: keyword, country: keyword } },
      topics: keyword,
      // Kept for analysts to read; its keys are topic ids, so indexing it would explode the mapping.
      topic_evidence: { type: 'object', enabled: false },
      countries: keyword,
      country_mentions: keyword,
      actors: keyword,
      pairs: keyword,
      cites: keyword,
      content_hash: keyword,
      tagger_version: keyword,
      story_id: keyword,
      copied_from: keyword,
      copied_by: keyword,
      credited_sources: keyword,
      origin_overlap: { type: 'float' },
      // Read only to compare two documents, never searched: stored in _source, not indexed.
      fingerprint: { type: 'keyword', index: false, doc_values: false },
      lsh_keys: keyword,
    },
  };
}

/** Fields a text search runs over; sub-fields missing under the fallback simply match nothing. */
export function searchFields(): string[] {
  const boost: Record<(typeof TEXT_FIELDS)[number], string> = {
    title: '^3',
    body: '',
    summary: '',
  };
  return TEXT_FIELDS.flatMap((field) => [
    `${field}${boost[field]}`,
    ...Object.keys(LANGUAGE_ANALYZERS).map((lang) => `${field}.${lang}${boost[field]}`),
  ]);
}

// Above Elasticsearch's built-in templates (priority 100, e.g. `logs-*-*`), so a prefix such
// as `logs` still gets our mapping.
const TEMPLATE_PRIORITY = 500;

/** The composable index template for every index behind the alias. */
export function indexTemplate(
  names: IndexNames,
  profile: AnalyzerProfile,
): estypes.IndicesPutIndexTemplateRequest {
  return {
    name: names.template,
    index_patterns: [names.pattern],
    priority: TEMPLATE_PRIORITY,
    template: {
      settings: {
        // News text for one deployment fits one shard; more shards only multiply overhead.
        number_of_shards: 1,
        // A replica where a second node exists, none (and a green cluster) on a single node.
        auto_expand_replicas: '0-1',
      },
      mappings: articleMappings(profile),
    },
    _meta: { managed_by: 'presswatch', analyzer_profile: profile },
  };
}
