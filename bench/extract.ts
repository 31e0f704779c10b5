/**
 * Scores extractors on the trafilatura evaluation set (../shared/data/extraction), the way the
 * trafilatura project scores it: snippets that must appear (`with`) and must not (`without`)
 * in the whitespace-normalised output. Prints precision, recall, F1 and pages per CPU-second
 * for presswatch and for @mozilla/readability on linkedom.
 *
 *   node --import tsx bench/extract.ts                 both extractors
 *   node --import tsx bench/extract.ts --only presswatch
 *   node --import tsx bench/extract.ts --only presswatch --worst 20   the pages losing most
 */
import { parseArgs } from 'node:util';
import {
  loadGold,
  pageBytes,
  scorePage,
  sumCounts,
  type Counts,
  type PageScore,
} from './support/extract-gold.js';
import { presswatch, readability, type Runner } from './support/extract-runners.js';

const RUNNERS = [presswatch, readability];
/** Snippets are shown cut to this length: enough to find them in the page. */
const SNIPPET_CHARS = 100;

function measure(runner: Runner): { scores: PageScore[]; cpuMicros: number } {
  const scores: PageScore[] = [];
  let cpuMicros = 0;
  for (const page of loadGold()) {
    const bytes = pageBytes(page);
    const started = process.cpuUsage();
    const output = runner.run(bytes, page.url);
    const used = process.cpuUsage(started);
    cpuMicros += used.user + used.system;
    scores.push(scorePage(output, page));
  }
  return { scores, cpuMicros };
}

function report(name: string, c: Counts, pages: number, cpuMicros: number): void {
  const precision = c.tp / (c.tp + c.fp);
  const recall = c.tp / (c.tp + c.fn);
  const f1 = (2 * c.tp) / (2 * c.tp + c.fp + c.fn);
  const perCpuSecond = pages / (cpuMicros / 1e6);
  console.log(
    `${name.padEnd(12)} pages ${pages}  tp ${c.tp} fn ${c.fn} fp ${c.fp} tn ${c.tn}  ` +
      `precision ${precision.toFixed(3)}  recall ${recall.toFixed(3)}  F1 ${f1.toFixed(3)}  ` +
      `${perCpuSecond.toFixed(1)} pages per CPU-second`,
  );
}

function printWorst(scores: PageScore[], count: number): void {
  const worst = [...scores].sort((a, b) => b.fn + b.fp - (a.fn + a.fp)).slice(0, count);
  for (const s of worst) {
    if (s.fn + s.fp === 0) break;
    console.log(`\n${s.url}  missing ${s.fn}, unwanted ${s.fp}`);
    for (const m of s.missing) console.log(`  - ${m.slice(0, SNIPPET_CHARS)}`);
    for (const u of s.unwanted) console.log(`  + ${u.slice(0, SNIPPET_CHARS)}`);
  }
}

function main(): void {
  const { values } = parseArgs({
    options: { only: { type: 'string' }, worst: { type: 'string' } },
  });
  const runners = RUNNERS.filter((r) => values.only === undefined || r.name === values.only);
  for (const runner of runners) {
    const { scores, cpuMicros } = measure(runner);
    report(runner.name, sumCounts(scores), scores.length, cpuMicros);
    if (values.worst !== undefined) printWorst(scores, Number(values.worst));
  }
}

main();
