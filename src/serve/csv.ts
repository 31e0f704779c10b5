import { stringify } from 'csv-stringify/sync';
import type { ArticleDocument } from '../core/document.js';

const COLUMNS = [
  'published_at',
  'title',
  'url',
  'source_name',
  'source_domain',
  'feed_id',
  'language',
  'topics',
  'countries',
  'pairs',
  'actors',
  'cites',
] as const;

/**
 * A spreadsheet runs a cell starting with = + - @ (or tab/CR) as a formula; a hostile title
 * must stay text, so such cells get a leading apostrophe (OWASP's CSV-injection advice).
 */
export function neutralizeFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

function row(doc: ArticleDocument): string[] {
  return [
    doc.published_at ?? '',
    doc.title,
    doc.url,
    doc.source.name ?? '',
    doc.source.domain,
    doc.feed_id,
    doc.language ?? '',
    doc.topics.join(' '),
    doc.countries.join(' '),
    doc.pairs.join(' '),
    doc.actors.join(' '),
    doc.cites.join(' '),
  ].map(neutralizeFormula);
}

/** The hits as CSV with a header line, one list cell per tag kind (space-separated). */
export function articlesCsv(docs: ArticleDocument[]): string {
  return stringify([[...COLUMNS], ...docs.map(row)]);
}
