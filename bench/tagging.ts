/**
 * Tagger figures on development data: country-mention precision/recall/F1 on GermEval 2014 (de),
 * cross-lingual agreement of country sets on SIB-200 (de/en/fr/ru), throughput in MB/s.
 * Run: node --import tsx bench/tagging.ts
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTagger, loadTaxonomy } from '../src/tagging/index.js';
import { datasetCountryNames } from '../src/tagging/gazetteer.js';

const DATA = '/work/shared/data/tagging';
const GERMEVAL = join(DATA, 'germeval2014-de-dev.tsv');
const SIB_LANGS = { de: 'deu_Latn', en: 'eng_Latn', fr: 'fra_Latn', ru: 'rus_Cyrl' } as const;
/** Location labels whose spans may name a country: names, derived adjectives, compound parts. */
const LOC_LABELS = new Set(['LOC', 'LOCderiv', 'LOCpart']);
/** Shortest country name used as a prefix of a gold compound (`Deutschlandreise`); `Iran` is 4. */
const MIN_PREFIX_NAME = 4;

const tagger = createTagger(loadTaxonomy('config'));

function readData(path: string): string {
  if (!existsSync(path)) throw new Error(`bench data missing: ${path}`);
  return readFileSync(path, 'utf8');
}

interface Sentence {
  tokens: string[];
  spans: string[];
}

/** Token lines `n token outer inner`; spans are B-/I- runs of a location label in either column. */
function parseGermEval(text: string): Sentence[] {
  return text.split(/\n\s*\n/).map((block) => {
    const rows = block
      .split('\n')
      .filter((l) => l !== '' && !l.startsWith('#'))
      .map((l) => l.split('\t'));
    const tokens = rows.map((r) => r[1] ?? '');
    const spans = [2, 3].flatMap((col) => spansIn(rows, col));
    return { tokens, spans };
  });
}

function spansIn(rows: string[][], col: number): string[] {
  const spans: string[] = [];
  for (const row of rows) {
    const [prefix, label] = (row[col] ?? 'O').split('-') as [string, string | undefined];
    if (label === undefined || !LOC_LABELS.has(label)) continue;
    if (prefix === 'B' || spans.length === 0) spans.push(row[1] ?? '');
    else spans[spans.length - 1] += ` ${row[1] ?? ''}`;
  }
  return spans;
}

const germanNames = [...datasetCountryNames('de', [])].filter(
  ([name]) => name.length >= MIN_PREFIX_NAME,
);

/**
 * Which country a gold location span names, decided with our own gazetteer (names, adjectives,
 * capitals) on the span alone, or a dataset country name the span starts with (compounds).
 */
function goldCountries(span: string): string[] {
  const tagged = tagger.tag({ title: '', text: span, language: 'de' }).country_mentions;
  if (tagged.length > 0) return tagged;
  const lower = span.toLowerCase();
  return germanNames
    .filter(([name]) => lower.startsWith(name.toLowerCase()))
    .map(([, code]) => code);
}

function germEvalScores(): void {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let goldEntities = 0;
  for (const sentence of parseGermEval(readData(GERMEVAL))) {
    const goldPerSpan = sentence.spans.map(goldCountries).filter((codes) => codes.length > 0);
    goldEntities += goldPerSpan.length;
    const gold = new Set(goldPerSpan.flat());
    const predicted = new Set(
      tagger.tag({ title: '', text: sentence.tokens.join(' '), language: 'de' }).country_mentions,
    );
    tp += [...predicted].filter((c) => gold.has(c)).length;
    fp += [...predicted].filter((c) => !gold.has(c)).length;
    fn += [...gold].filter((c) => !predicted.has(c)).length;
  }
  const precision = tp / (tp + fp);
  const recall = tp / (tp + fn);
  const f1 = (2 * precision * recall) / (precision + recall);
  console.log(`GermEval 2014 dev (de): ${goldEntities} gold location spans that are countries`);
  console.log(`  country mentions per sentence: TP ${tp} FP ${fp} FN ${fn}`);
  console.log(
    `  precision ${precision.toFixed(3)} recall ${recall.toFixed(3)} F1 ${f1.toFixed(3)}`,
  );
}

function readSib(lang: keyof typeof SIB_LANGS): Map<string, string> {
  const rows = readData(join(DATA, 'sib200', `${SIB_LANGS[lang]}_dev.tsv`))
    .trim()
    .split('\n')
    .slice(1);
  return new Map(rows.map((row) => row.split('\t')).map((cols) => [cols[0] ?? '', cols[2] ?? '']));
}

function sibAgreement(): void {
  const langs = Object.keys(SIB_LANGS) as (keyof typeof SIB_LANGS)[];
  const texts = langs.map((lang) => [lang, readSib(lang)] as const);
  let withCountry = 0;
  let agreeing = 0;
  for (const id of texts[0]?.[1].keys() ?? []) {
    const sets = texts.map(([lang, byId]) =>
      tagger
        .tag({ title: '', text: byId.get(id) ?? '', language: lang })
        .country_mentions.join(','),
    );
    if (sets.every((s) => s === '')) continue;
    withCountry += 1;
    if (sets.every((s) => s === sets[0])) agreeing += 1;
    else console.log(`  disagree ${id}: ${langs.map((l, i) => `${l}=[${sets[i]}]`).join(' ')}`);
  }
  console.log(`SIB-200 dev (de/en/fr/ru): ${withCountry} sentences with a country in any language`);
  console.log(
    `  equal country sets in all four: ${agreeing}/${withCountry} = ${(agreeing / withCountry).toFixed(3)}`,
  );
}

/** Runs at least this long so timer resolution and JIT warm-up do not dominate the figure. */
const MIN_BENCH_MS = 3000;

function throughput(): void {
  const sentences = parseGermEval(readData(GERMEVAL)).map((s) => s.tokens.join(' '));
  const docs: string[] = [];
  // Article-sized documents of about 40 sentences (≈ 5 KB), like a news page body.
  for (let i = 0; i < sentences.length; i += 40) docs.push(sentences.slice(i, i + 40).join(' '));
  let bytes = 0;
  const start = performance.now();
  while (performance.now() - start < MIN_BENCH_MS) {
    for (const text of docs) {
      tagger.tag({ title: '', text, language: 'de' });
      bytes += Buffer.byteLength(text);
    }
  }
  const seconds = (performance.now() - start) / 1000;
  console.log(
    `Throughput (de, language given, one core): ${(bytes / 1e6 / seconds).toFixed(2)} MB/s`,
  );
}

germEvalScores();
sibAgreement();
throughput();
