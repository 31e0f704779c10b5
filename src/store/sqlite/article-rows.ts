import type { ArticleDocument } from '../../core/document.js';

const ARRAY_FIELDS = [
  'authors',
  'topics',
  'countries',
  'country_mentions',
  'actors',
  'pairs',
  'cites',
] as const;
type ArrayField = (typeof ARRAY_FIELDS)[number];

const OPTIONAL_TEXT = ['summary', 'published_at', 'updated_at', 'language'] as const;

type Cell = string | number | null;

/** One `articles` row as read back; arrays and evidence are JSON text. */
export type ArticleRow = Record<ArrayField | 'topic_evidence', string> & {
  id: string;
  url: string;
  title: string;
  body: string;
  summary: string | null;
  published_at: string | null;
  updated_at: string | null;
  first_seen_at: string;
  fetched_at: string;
  indexed_at: string;
  language: string | null;
  feed_id: string;
  source_name: string | null;
  source_domain: string;
  source_country: string | null;
  content_hash: string;
  tagger_version: string;
};

/** The `articles` columns written on every put, in one order for the upsert statement. */
export const ARTICLE_COLUMNS = [
  'id',
  'url',
  'title',
  'body',
  'summary',
  ...ARRAY_FIELDS,
  'topic_evidence',
  'published_at',
  'published_ms',
  'updated_at',
  'first_seen_at',
  'fetched_at',
  'indexed_at',
  'language',
  'feed_id',
  'source_name',
  'source_domain',
  'source_country',
  'content_hash',
  'tagger_version',
] as const;

/** Tag kinds filtered through article_tags, with the document field each comes from. */
export const TAG_FIELDS = {
  topic: 'topics',
  country: 'countries',
  pair: 'pairs',
  actor: 'actors',
} as const;
export type TagKind = keyof typeof TAG_FIELDS;

function contentColumns(doc: ArticleDocument): Record<string, Cell | undefined> {
  const { id, url, title, body, summary, language, feed_id, content_hash, tagger_version } = doc;
  return { id, url, title, body, summary, language, feed_id, content_hash, tagger_version };
}

function timelineColumns(
  doc: ArticleDocument,
  indexedAt: string,
): Record<string, Cell | undefined> {
  const { published_at, updated_at, first_seen_at, fetched_at } = doc;
  return { published_at, updated_at, first_seen_at, fetched_at, indexed_at: indexedAt };
}

function sourceAndJsonColumns(doc: ArticleDocument): Record<string, Cell | undefined> {
  const json = (value: unknown): string | undefined => JSON.stringify(value);
  return {
    ...Object.fromEntries(ARRAY_FIELDS.map((field) => [field, json(doc[field])])),
    topic_evidence: json(doc.topic_evidence),
    source_name: doc.source?.name,
    source_domain: doc.source?.domain,
    source_country: doc.source?.country,
  };
}

/**
 * The cells to insert; `published_ms` is published_at in UTC milliseconds, for range and sort.
 * Fields missing at run time whatever the type says (a document from a bad job) become NULL,
 * so the NOT NULL constraints reject that document rather than the batch.
 */
export function toRow(
  doc: ArticleDocument,
  indexedAt: string,
  publishedMs: number | null,
): Record<string, Cell> {
  const cells: Record<string, Cell | undefined> = {
    ...contentColumns(doc),
    ...timelineColumns(doc, indexedAt),
    ...sourceAndJsonColumns(doc),
    published_ms: publishedMs,
  };
  return Object.fromEntries(ARTICLE_COLUMNS.map((column) => [column, cells[column] ?? null]));
}

function sourceOf(row: ArticleRow): ArticleDocument['source'] {
  const source: ArticleDocument['source'] = { domain: row.source_domain };
  if (row.source_name !== null) source.name = row.source_name;
  if (row.source_country !== null) source.country = row.source_country;
  return source;
}

export function fromRow(row: ArticleRow): ArticleDocument {
  const arrays = Object.fromEntries(ARRAY_FIELDS.map((f) => [f, JSON.parse(row[f]) as string[]]));
  const { id, url, title, body, first_seen_at, fetched_at, indexed_at, feed_id } = row;
  const doc: ArticleDocument = {
    ...(arrays as Record<ArrayField, string[]>),
    ...{ id, url, title, body, first_seen_at, fetched_at, indexed_at, feed_id },
    source: sourceOf(row),
    topic_evidence: JSON.parse(row.topic_evidence) as ArticleDocument['topic_evidence'],
    content_hash: row.content_hash,
    tagger_version: row.tagger_version,
  };
  for (const field of OPTIONAL_TEXT) {
    const value = row[field];
    if (value !== null) doc[field] = value;
  }
  return doc;
}

/** The (kind, value) pairs of a document for article_tags, without duplicates. */
export function tagsOf(doc: ArticleDocument): [TagKind, string][] {
  const tags = new Map<string, [TagKind, string]>();
  for (const [kind, field] of Object.entries(TAG_FIELDS) as [TagKind, ArrayField][]) {
    for (const value of doc[field] ?? []) tags.set(`${kind}\u0000${value}`, [kind, value]);
  }
  return [...tags.values()];
}
