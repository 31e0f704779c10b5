import type { ArticleDocument } from '../../core/document.js';
import { decodeFingerprint, lshKeys } from '../../stories/index.js';

/** The story columns of `articles` (migrations 5 and 8), NULL on documents stored before them. */
export const STORY_COLUMNS = [
  'source_id',
  'story_id',
  'copied_from',
  'copied_by',
  'credited_sources',
  'origin_overlap',
  'fingerprint',
] as const;

export interface StoryRow {
  source_id: string | null;
  story_id: string | null;
  copied_from: string | null;
  copied_by: 'credit' | 'overlap' | null;
  /** JSON array of source ids. */
  credited_sources: string | null;
  origin_overlap: number | null;
  fingerprint: string | null;
}

export function storyCells(doc: ArticleDocument): Record<string, string | number | undefined> {
  const { story_id, copied_from, copied_by, origin_overlap, fingerprint } = doc;
  return {
    source_id: doc.source?.id,
    story_id,
    copied_from,
    copied_by,
    credited_sources: doc.credited_sources && JSON.stringify(doc.credited_sources),
    origin_overlap,
    fingerprint,
  };
}

/** The document's LSH keys, from its fingerprint: the one stored form of both. */
export function lshKeysOf(fingerprint: string | undefined | null): string[] {
  const decoded = fingerprint ? decodeFingerprint(fingerprint) : undefined;
  return decoded === undefined ? [] : lshKeys(decoded);
}

/** The story fields of a row, each only when set, in the contract's order. */
export function storyFieldsOf(row: StoryRow): Partial<ArticleDocument> {
  const fields: Partial<ArticleDocument> = {};
  if (row.story_id !== null) fields.story_id = row.story_id;
  if (row.copied_from !== null) fields.copied_from = row.copied_from;
  if (row.copied_by !== null) fields.copied_by = row.copied_by;
  if (row.credited_sources !== null) {
    fields.credited_sources = JSON.parse(row.credited_sources) as string[];
  }
  if (row.origin_overlap !== null) fields.origin_overlap = row.origin_overlap;
  if (row.fingerprint !== null) {
    fields.fingerprint = row.fingerprint;
    fields.lsh_keys = lshKeysOf(row.fingerprint);
  }
  return fields;
}
