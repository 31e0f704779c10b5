import type { ArticleDocument } from '../../core/document.js';
import { STORY_COLUMNS, storyCells, storyFieldsOf, type StoryRow } from './story-rows.js';

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

type OptionalText = 'summary' | 'published_at' | 'updated_at' | 'language';

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
} & StoryRow;

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
  ...STORY_COLUMNS,
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
    ...storyCells(doc),
    published_ms: publishedMs,
  };
  return Object.fromEntries(ARTICLE_COLUMNS.map((column) => [column, cells[column] ?? null]));
}

function sourceOf(row: ArticleRow): ArticleDocument['source'] {
  return {
    ...(row.source_id !== null && { id: row.source_id }),
    ...(row.source_name !== null && { name: row.source_name }),
    domain: row.source_domain,
    ...(row.source_country !== null && { country: row.source_country }),
  };
}

/** The document with its fields in the contract's order, as Elasticsearch returns what it was given. */
export function fromRow(row: ArticleRow): ArticleDocument {
  const list = (field: ArrayField) => JSON.parse(row[field]) as string[];
  const optional = (field: OptionalText) => (row[field] === null ? {} : { [field]: row[field] });
  return {
    ...{ id: row.id, url: row.url, title: row.title, body: row.body },
    ...optional('summary'),
    authors: list('authors'),
    ...optional('published_at'),
    ...optional('updated_at'),
    ...{ first_seen_at: row.first_seen_at, fetched_at: row.fetched_at },
    indexed_at: row.indexed_at,
    ...optional('language'),
    ...{ feed_id: row.feed_id, source: sourceOf(row), topics: list('topics') },
    topic_evidence: JSON.parse(row.topic_evidence) as ArticleDocument['topic_evidence'],
    ...{ countries: list('countries'), country_mentions: list('country_mentions') },
    ...{ actors: list('actors'), pairs: list('pairs'), cites: list('cites') },
    ...{ content_hash: row.content_hash, tagger_version: row.tagger_version },
    ...storyFieldsOf(row),
  };
}

/** The (kind, value) pairs of a document for article_tags, without duplicates. */
export function tagsOf(doc: ArticleDocument): [TagKind, string][] {
  const tags = new Map<string, [TagKind, string]>();
  for (const [kind, field] of Object.entries(TAG_FIELDS) as [TagKind, ArrayField][]) {
    for (const value of doc[field] ?? []) tags.set(`${kind}\u0000${value}`, [kind, value]);
  }
  return [...tags.values()];
}
