/**
 * Prints presswatch's output for the development-set pages whose URL contains a given string,
 * for studying what a page loses:
 *
 *   node --import tsx bench/support/extract-show.ts taz.de
 */
import { loadGold, pageBytes, scorePage } from './extract-gold.js';
import { presswatch } from './extract-runners.js';

const needle = process.argv[2] ?? '';
for (const page of loadGold().filter((p) => p.url.includes(needle))) {
  const output = presswatch.run(pageBytes(page), page.url);
  const score = scorePage(output, page);
  console.log(`== ${page.url} (${page.file}) missing ${score.fn}, unwanted ${score.fp}`);
  console.log(output);
  for (const m of score.missing) console.log(`  - ${m}`);
  for (const u of score.unwanted) console.log(`  + ${u}`);
}
