// Reads that go beyond one page of hits: histograms (also per topic) and the batched scan.
import type { Database } from 'better-sqlite3';
import type { ArticleDocument } from '../../core/document.js';
import type {
  HistogramBucket,
  HistogramInterval,
  HistogramOptions,
  ScanOptions,
  SearchQuery,
  SearchResult,
} from '../../core/store-types.js';
import { fromRow, type ArticleRow } from './article-rows.js';
import { whereOf } from './article-filter.js';
import { rangeBound } from '../dates.js';
import { guarded } from './errors.js';
import { toBuckets, type DayCount, type TopicDayCount } from './histogram.js';

const DAY = "date(a.published_ms / 1000.0, 'unixepoch')";

/** Undated articles sort last, as missing values do in Elasticsearch's descending sort. */
const NEWEST_FIRST = 'ORDER BY a.published_ms DESC, a.seq DESC';

/**
 * One page of hits and the total. The page's ids and the total come from one pass over the
 * covering index (`count(*) OVER ()` counts every match before LIMIT), which measured 7.8 ms
 * against 14.5 ms for a count and a page apart on 100,000 articles; only the page's rows are
 * then read whole, so no body is dragged through the sorter.
 */
export function searchPage(db: Database, query: SearchQuery): SearchResult {
  const where = whereOf(query);
  const limit = Math.max(0, query.limit);
  if (limit === 0) {
    const count = `SELECT count(*) FROM articles a WHERE ${where.sql}`;
    return {
      total: db
        .prepare(count)
        .pluck()
        .get(...where.params) as number,
      hits: [],
    };
  }
  const ids = `SELECT a.seq AS seq, count(*) OVER () AS total FROM articles a
    WHERE ${where.sql} ${NEWEST_FIRST} LIMIT ?`;
  const page = db.prepare(ids).all(...where.params, limit) as { seq: number; total: number }[];
  const rows = db
    .prepare(
      `SELECT a.* FROM articles a WHERE a.seq IN (SELECT value FROM json_each(?)) ${NEWEST_FIRST}`,
    )
    .all(JSON.stringify(page.map((p) => p.seq))) as ArticleRow[];
  // As Elasticsearch's hits: without the fingerprint, so no LSH keys are rebuilt per hit.
  const hits = rows.map((row) => fromRow({ ...row, fingerprint: null }));
  return { total: page[0]?.total ?? 0, hits };
}

export function histogramOf(
  db: Database,
  file: string,
  request: { query: SearchQuery; interval: HistogramInterval; options?: HistogramOptions },
): HistogramBucket[] {
  const { query, interval, options } = request;
  const where = whereOf(query);
  const dated = `a.published_ms IS NOT NULL AND ${where.sql}`;
  const totals = `SELECT ${DAY} AS day, count(*) AS count FROM articles a
    WHERE ${dated} GROUP BY day`;
  const perTopic = `SELECT ${DAY} AS day, t.value AS topic, count(*) AS count
    FROM articles a JOIN article_tags t ON t.kind = 'topic' AND t.article_seq = a.seq
    WHERE ${dated} GROUP BY day, topic`;
  return guarded(file, () => {
    const days = db.prepare(totals).all(...where.params) as DayCount[];
    const topicDays = options?.byTopic
      ? (db.prepare(perTopic).all(...where.params) as TopicDayCount[])
      : undefined;
    const bounds = {
      from: query.from === undefined ? undefined : rangeBound(query.from, 'from'),
      to: query.to === undefined ? undefined : rangeBound(query.to, 'to'),
    };
    return toBuckets(days, interval, bounds, topicDays);
  });
}

/**
 * Keyset pagination on the unique id: each batch is one short read, so writers (a retag
 * rewriting the batch just read) interleave, and a rewritten document keeps its place.
 */
export async function* scanDocuments(
  db: Database,
  file: string,
  options: ScanOptions,
): AsyncGenerator<ArticleDocument[]> {
  const since = options.since === undefined ? null : rangeBound(options.since, 'from');
  const sql = `SELECT * FROM articles WHERE id > ? AND (? IS NULL OR published_ms >= ?)
    ORDER BY id LIMIT ?`;
  let after = '';
  for (;;) {
    const rows = guarded(file, () =>
      db.prepare(sql).all(after, since, since, options.batchSize),
    ) as ArticleRow[];
    if (rows.length === 0) return;
    yield rows.map(fromRow);
    after = rows[rows.length - 1]!.id;
  }
}
