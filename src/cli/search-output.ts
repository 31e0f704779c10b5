import { stringify } from 'csv-stringify/sync';
import type { ArticleDocument } from '../core/document.js';
import type { HistogramBucket, SearchResult } from '../core/store-types.js';
import { writeJsonLine, writeLine } from './output.js';

/** Width of the longest bar in the terminal chart. */
const BAR_WIDTH = 50;

export type OutputFormat = 'text' | 'json' | 'csv';

export function printHits(out: NodeJS.WritableStream, result: SearchResult): void {
  writeLine(out, `${result.total} articles`);
  for (const doc of result.hits) {
    const date = doc.published_at?.slice(0, 10) ?? '          ';
    writeLine(out, `${date}  ${doc.source.domain}  ${doc.title}`);
    const tags = [...doc.topics, ...doc.countries, ...doc.pairs].join(' ');
    writeLine(out, `            ${doc.url}${tags ? `\n            ${tags}` : ''}`);
  }
}

function topicList(topics: Record<string, number> | undefined): string {
  if (topics === undefined) return '';
  const sorted = Object.entries(topics).sort(([, a], [, b]) => b - a);
  return sorted.length === 0 ? '' : `  ${sorted.map(([t, n]) => `${t} ${n}`).join(', ')}`;
}

export function printHistogram(out: NodeJS.WritableStream, buckets: HistogramBucket[]): void {
  const max = Math.max(1, ...buckets.map((b) => b.count));
  for (const { bucket, count, topics } of buckets) {
    const bar = '█'.repeat(Math.round((count / max) * BAR_WIDTH));
    writeLine(out, `${bucket}  ${String(count).padStart(6)}  ${bar}${topicList(topics)}`);
  }
}

/** Spreadsheet columns of a hit; lists are joined with `;` (never used inside ids or codes). */
const HIT_COLUMNS = {
  id: (d: ArticleDocument) => d.id,
  published_at: (d: ArticleDocument) => d.published_at ?? '',
  feed_id: (d: ArticleDocument) => d.feed_id,
  source_domain: (d: ArticleDocument) => d.source.domain,
  language: (d: ArticleDocument) => d.language ?? '',
  title: (d: ArticleDocument) => d.title,
  url: (d: ArticleDocument) => d.url,
  topics: (d: ArticleDocument) => d.topics.join(';'),
  countries: (d: ArticleDocument) => d.countries.join(';'),
  pairs: (d: ArticleDocument) => d.pairs.join(';'),
  actors: (d: ArticleDocument) => d.actors.join(';'),
};

export function hitsCsv(hits: ArticleDocument[]): string {
  const rows = hits.map((doc) => Object.values(HIT_COLUMNS).map((column) => column(doc)));
  return stringify(rows, { header: true, columns: Object.keys(HIT_COLUMNS) });
}

/** `bucket,count`, plus one column per topic (sorted) when the buckets carry topics. */
export function histogramCsv(buckets: HistogramBucket[]): string {
  const topics = [...new Set(buckets.flatMap((b) => Object.keys(b.topics ?? {})))].sort();
  const byTopic = buckets.some((b) => b.topics !== undefined);
  const rows = buckets.map((b) => [
    b.bucket,
    b.count,
    ...(byTopic ? topics.map((t) => b.topics?.[t] ?? 0) : []),
  ]);
  return stringify(rows, { header: true, columns: ['bucket', 'count', ...topics] });
}

export function writeHits(out: NodeJS.WritableStream, result: SearchResult, format: OutputFormat) {
  if (format === 'json') result.hits.forEach((doc) => writeJsonLine(out, doc));
  else if (format === 'csv') out.write(hitsCsv(result.hits));
  else printHits(out, result);
}

export function writeHistogram(
  out: NodeJS.WritableStream,
  buckets: HistogramBucket[],
  format: OutputFormat,
) {
  if (format === 'json') buckets.forEach((b) => writeJsonLine(out, b));
  else if (format === 'csv') out.write(histogramCsv(buckets));
  else printHistogram(out, buckets);
}
