import type { HistogramBucket, SearchResult } from '../core/store-types.js';
import { writeLine } from './output.js';

/** Width of the longest bar in the terminal chart. */
const BAR_WIDTH = 50;

export function printHits(out: NodeJS.WritableStream, result: SearchResult): void {
  writeLine(out, `${result.total} articles`);
  for (const doc of result.hits) {
    const date = doc.published_at?.slice(0, 10) ?? '          ';
    writeLine(out, `${date}  ${doc.source.domain}  ${doc.title}`);
    const tags = [...doc.topics, ...doc.countries, ...doc.pairs].join(' ');
    writeLine(out, `            ${doc.url}${tags ? `\n            ${tags}` : ''}`);
  }
}

export function printHistogram(out: NodeJS.WritableStream, buckets: HistogramBucket[]): void {
  const max = Math.max(1, ...buckets.map((b) => b.count));
  for (const { bucket, count } of buckets) {
    const bar = '█'.repeat(Math.round((count / max) * BAR_WIDTH));
    writeLine(out, `${bucket}  ${String(count).padStart(6)}  ${bar}`);
  }
}
