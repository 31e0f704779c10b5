import type { SearchQuery } from '../../core/store-types.js';
import { rangeBound } from './dates.js';
import { toMatchExpression } from './fts-query.js';
import type { TagKind } from './article-rows.js';

/** A SQL condition on `articles a` with its positional parameters. */
export interface Condition {
  sql: string;
  params: (string | number)[];
}

function textCondition(text: string | undefined): Condition | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const match = toMatchExpression(text);
  // As Elasticsearch's match query: text with no searchable word (only punctuation) finds nothing.
  if (match === undefined) return { sql: '0', params: [] };
  const sql = 'a.seq IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)';
  return { sql, params: [match] };
}

function tagCondition(kind: TagKind, value: string | undefined): Condition | undefined {
  if (value === undefined) return undefined;
  const sql = 'a.seq IN (SELECT article_seq FROM article_tags WHERE kind = ? AND value = ?)';
  return { sql, params: [kind, value] };
}

function columnCondition(column: 'feed_id' | 'language', value: string | undefined) {
  return value === undefined ? undefined : { sql: `a.${column} = ?`, params: [value] };
}

function rangeConditions(query: SearchQuery): Condition[] {
  const conditions: Condition[] = [];
  if (query.from !== undefined) {
    conditions.push({ sql: 'a.published_ms >= ?', params: [rangeBound(query.from, 'from')] });
  }
  if (query.to !== undefined) {
    conditions.push({ sql: 'a.published_ms <= ?', params: [rangeBound(query.to, 'to')] });
  }
  return conditions;
}

/** Every filter of the query ANDed; exact matches on tags, feed and language. */
export function whereOf(query: SearchQuery): Condition {
  const conditions = [
    textCondition(query.text),
    tagCondition('topic', query.topic),
    tagCondition('country', query.country),
    tagCondition('pair', query.pair),
    columnCondition('feed_id', query.feed),
    columnCondition('language', query.language),
    ...rangeConditions(query),
  ].filter((condition): condition is Condition => condition !== undefined);
  if (conditions.length === 0) return { sql: '1', params: [] };
  return {
    sql: conditions.map((c) => c.sql).join(' AND '),
    params: conditions.flatMap((c) => c.params),
  };
}
