/**
 * Tagger figures, all through `presswatch tag`'s line function: per-topic precision/recall/F1,
 * main countries and pairs on our gold set (dev half, held-out test half, whole set), country-mention
 * precision/recall/F1 on GermEval 2014, cross-lingual agreement on SIB-200, throughput.
 * Run: npm run bench:tagging [-- --errors]  (--errors lists the dev half's misses, for tuning)
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { tagLine } from '../src/cli/commands/tag.js';
import { createTagger, loadTaxonomy } from '../src/tagging/index.js';
import { germEvalScores, parseGermEval } from './support/tagging-germeval.js';
import { printGold, readGold, scoreGold, type GoldArticle } from './support/tagging-gold.js';
import { sibAgreement } from './support/tagging-sib.js';

const DATA = '/work/shared/data/tagging';
const GERMEVAL = join(DATA, 'germeval2014-de-dev.tsv');
const SIB = join(DATA, 'sib200');
const GOLD = 'test/gold/articles.ndjson';
/** Runs at least this much CPU time so timer resolution and JIT warm-up do not dominate. */
const MIN_BENCH_MS = 3000;

for (const path of [GERMEVAL, SIB, GOLD])
  if (!existsSync(path)) throw new Error(`bench data missing: ${path}`);

const taxonomy = loadTaxonomy('config');
const tagger = createTagger(taxonomy);
const showErrors = process.argv.includes('--errors');

function printDevError(article: GoldArticle, got: ReturnType<typeof tagLine>): void {
  const topics = Object.entries(got.evidence.topics).map(([id, e]) => `${id}=${e.score}`);
  console.log(`  ${article.id} ${article.language} ${article.title}`);
  console.log(`    gold topics [${article.topics.join()}] countries [${article.countries.join()}]`);
  console.log(`    got  topics [${topics.join()}] countries [${got.countries.join()}]`);
}

function gold(): GoldArticle[] {
  const articles = readGold(GOLD);
  const topicIds = taxonomy.topics.topics.map((t) => t.id);
  printGold(scoreGold(tagger, articles, topicIds, showErrors ? printDevError : undefined));
  return articles;
}

function germEval(): string[] {
  const sentences = parseGermEval(GERMEVAL);
  console.log(`GermEval 2014 dev (de), ${sentences.length} sentences, LOC + LOCderiv + LOCpart:`);
  console.log(`  country names and demonyms  ${germEvalScores(tagger, sentences, false).format()}`);
  console.log(`  … and capitals as metonyms  ${germEvalScores(tagger, sentences, true).format()}`);
  return sentences.map((s) => s.tokens.join(' '));
}

function sib(): void {
  const { withCountry, agreeing, disagreements } = sibAgreement(tagger, SIB);
  if (showErrors) for (const line of disagreements) console.log(`  disagree ${line}`);
  console.log(`SIB-200 dev (de/en/fr/ru): ${withCountry} sentences with a country in any language`);
  console.log(
    `  equal country sets in all four: ${agreeing}/${withCountry} = ${(agreeing / withCountry).toFixed(3)}`,
  );
}

/**
 * Whole input lines (JSON parse, validation, tagging), MB of title+text per second of this
 * process's CPU time: per core, and far less disturbed by other load on the machine than wall time.
 */
function throughput(
  label: string,
  docs: { title: string; text: string; language: string }[],
): void {
  const lines = docs.map((doc, id) => JSON.stringify({ id, ...doc }));
  const bytes = docs.reduce((sum, d) => sum + Buffer.byteLength(d.title + d.text), 0);
  let total = 0;
  const start = process.cpuUsage();
  const cpuMs = () => {
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1000;
  };
  while (cpuMs() < MIN_BENCH_MS) {
    for (const line of lines) tagLine(tagger, line);
    total += bytes;
  }
  const seconds = cpuMs() / 1000;
  console.log(
    `Throughput (${label}): ${(total / 1e6 / seconds).toFixed(2)} MB/s per core (CPU time)`,
  );
}

const articles = gold();
const sentences = germEval();
sib();
// Article-sized GermEval documents of about 40 sentences (≈ 5 KB), like a news page body.
const germanDocs: { title: string; text: string; language: string }[] = [];
for (let i = 0; i < sentences.length; i += 40)
  germanDocs.push({ title: '', text: sentences.slice(i, i + 40).join(' '), language: 'de' });
throughput('GermEval de, 5 KB documents', germanDocs);
throughput('gold set de/en/ru/fr', articles);
