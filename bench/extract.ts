/**
 * Scores extractArticle on the trafilatura evaluation set (../shared/data/extraction), the way
 * the trafilatura project scores it: snippets that must appear (`with`) and must not (`without`)
 * in the whitespace-normalised output. Prints precision, recall, F1 and pages per CPU-second.
 *
 *   node --import tsx bench/extract.ts
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { decodeHtml, extractArticle } from '../src/articles/index.js';

interface GoldEntry {
  file: string;
  with: string[];
  without: string[];
}

interface Counts {
  tp: number;
  fn: number;
  fp: number;
  tn: number;
}

const DATA_DIR = fileURLToPath(
  new URL('../../shared/data/extraction/trafilatura-eval/', import.meta.url),
);

function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A crash or an empty output misses every `with` snippet and finds no `without` one. */
function extractOrEmpty(html: string, url: string): string {
  try {
    return normalize(extractArticle(html, url).text);
  } catch {
    return '';
  }
}

function score(output: string, entry: GoldEntry, counts: Counts): void {
  for (const snippet of entry.with) {
    if (output !== '' && output.includes(normalize(snippet))) counts.tp += 1;
    else counts.fn += 1;
  }
  for (const snippet of entry.without) {
    if (output !== '' && output.includes(normalize(snippet))) counts.fp += 1;
    else counts.tn += 1;
  }
}

function loadGold(): Record<string, GoldEntry> {
  if (!existsSync(`${DATA_DIR}gold.json`)) {
    throw new Error(`evaluation set missing: ${DATA_DIR}gold.json (see ../shared/README.md)`);
  }
  return JSON.parse(readFileSync(`${DATA_DIR}gold.json`, 'utf8')) as Record<string, GoldEntry>;
}

function main(): void {
  const gold = loadGold();
  const counts: Counts = { tp: 0, fn: 0, fp: 0, tn: 0 };
  let cpuMicros = 0;
  for (const [url, entry] of Object.entries(gold)) {
    const bytes = gunzipSync(readFileSync(`${DATA_DIR}pages/${entry.file}`));
    const started = process.cpuUsage();
    const output = extractOrEmpty(decodeHtml(bytes), url);
    const used = process.cpuUsage(started);
    cpuMicros += used.user + used.system;
    score(output, entry, counts);
  }
  report(counts, Object.keys(gold).length, cpuMicros);
}

function report(c: Counts, pages: number, cpuMicros: number): void {
  const precision = c.tp / (c.tp + c.fp);
  const recall = c.tp / (c.tp + c.fn);
  const f1 = (2 * c.tp) / (2 * c.tp + c.fp + c.fn);
  const perCpuSecond = pages / (cpuMicros / 1e6);
  console.log(`pages ${pages}  tp ${c.tp} fn ${c.fn} fp ${c.fp} tn ${c.tn}`);
  console.log(
    `precision ${precision.toFixed(3)}  recall ${recall.toFixed(3)}  F1 ${f1.toFixed(3)}`,
  );
  console.log(`speed ${perCpuSecond.toFixed(1)} pages per CPU-second`);
}

main();
