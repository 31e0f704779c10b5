import type { SearchQuery } from '../../core/store-types.js';
import { rangeBound } from '../dates.js';
import { toMatchExpression } from './fts-query.js';
import type { TagKind } from './article-rows.js';

/** A SQL condition on `articles a` with its positional parameters. */
export interface Condition {
  sql: string;
  params: (string | number)[];
}

/** A SELECT of the seqs an index yields (full text, tags), read without touching a row. */
interface SeqSet {
  select: string;
  params: (string | number)[];
}

/** The empty set: as Elasticsearch's match query, text with no searchable word finds nothing. */
const NO_SEQS: SeqSet = { select: 'SELECT NULL WHERE 0', params: [] };

function textSeqs(text: string | undefined): SeqSet | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const match = toMatchExpression(text);
  if (match === undefined) return NO_SEQS;
  return { select: 'SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?', params: [match] };
}

function tagSeqs(kind: TagKind, value: string | undefined): SeqSet | undefined {
  if (value === undefined) return undefined;
  const select = 'SELECT article_seq FROM article_tags WHERE kind = ? AND value = ?';
  return { select, params: [kind, value] };
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

/** Through articles_by_copied_from: the column sits after the body in each row. */
function storyConditions(query: SearchQuery): Condition[] {
  const conditions: Condition[] = [];
  if (query.originOnly) {
    const copies = 'SELECT seq FROM articles WHERE copied_from IS NOT NULL';
    conditions.push({ sql: `a.seq NOT IN (${copies})`, params: [] });
  }
  if (query.copiesOf !== undefined) {
    const sql = 'a.seq IN (SELECT seq FROM articles WHERE copied_from = ?)';
    conditions.push({ sql, params: [query.copiesOf] });
  }
  return conditions;
}

/**
 * The seqs that every index set holds, as one condition: SQLite merges the sorted sets before it
 * looks up a single row. Written as one `a.seq IN` per set, it looked up every full-text hit in
 * the table (a page of mostly body text each) and only then probed the tag set: text + topic +
 * date range + histogram at 100,000 articles took 4 times as long without the planner's
 * statistics, twice as long with them (bench/search.ts).
 */
function inAllSets(sets: SeqSet[]): Condition | undefined {
  if (sets.length === 0) return undefined;
  const sql = `a.seq IN (${sets.map((set) => set.select).join(' INTERSECT ')})`;
  return { sql, params: sets.flatMap((set) => set.params) };
}

/** Every filter of the query ANDed; exact matches on tags, feed and language. */
export function whereOf(query: SearchQuery): Condition {
  const seqSets = [
    textSeqs(query.text),
    tagSeqs('topic', query.topic),
    tagSeqs('country', query.country),
    tagSeqs('pair', query.pair),
  ].filter((set): set is SeqSet => set !== undefined);
  const conditions = [
    inAllSets(seqSets),
    columnCondition('feed_id', query.feed),
    columnCondition('language', query.language),
    ...rangeConditions(query),
    ...storyConditions(query),
  ].filter((condition): condition is Condition => condition !== undefined);
  if (conditions.length === 0) return { sql: '1', params: [] };
  return {
    sql: conditions.map((c) => c.sql).join(' AND '),
    params: conditions.flatMap((c) => c.params),
  };
}
