import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

/** One page of the development set: snippets the output must and must not contain. */
export interface GoldPage {
  url: string;
  file: string;
  with: string[];
  without: string[];
}

export interface Counts {
  tp: number;
  fn: number;
  fp: number;
  tn: number;
}

/** What one page scored, with the snippets that were missed or wrongly kept. */
export interface PageScore extends Counts {
  url: string;
  missing: string[];
  unwanted: string[];
}

const DATA_DIR = fileURLToPath(
  new URL('../../../shared/data/extraction/trafilatura-eval/', import.meta.url),
);

export function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function loadGold(): GoldPage[] {
  if (!existsSync(`${DATA_DIR}gold.json`)) {
    throw new Error(`evaluation set missing: ${DATA_DIR}gold.json (see ../shared/README.md)`);
  }
  const raw = JSON.parse(readFileSync(`${DATA_DIR}gold.json`, 'utf8')) as Record<
    string,
    Omit<GoldPage, 'url'>
  >;
  return Object.entries(raw).map(([url, entry]) => ({ url, ...entry }));
}

export function pageBytes(page: GoldPage): Buffer {
  return gunzipSync(readFileSync(`${DATA_DIR}pages/${page.file}`));
}

/** trafilatura's scoring: case-sensitive substrings of the whitespace-normalised output. */
export function scorePage(output: string, page: GoldPage): PageScore {
  const found = (snippet: string) => output !== '' && output.includes(normalize(snippet));
  const missing = page.with.filter((s) => !found(s));
  const unwanted = page.without.filter(found);
  return {
    url: page.url,
    tp: page.with.length - missing.length,
    fn: missing.length,
    fp: unwanted.length,
    tn: page.without.length - unwanted.length,
    missing,
    unwanted,
  };
}

export function sumCounts(scores: Counts[]): Counts {
  const total: Counts = { tp: 0, fn: 0, fp: 0, tn: 0 };
  for (const s of scores) {
    total.tp += s.tp;
    total.fn += s.fn;
    total.fp += s.fp;
    total.tn += s.tn;
  }
  return total;
}
