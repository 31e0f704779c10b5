/**
 * Story grouping on a generated corpus with known copy structure: pairwise precision and recall,
 * origin and copied_from accuracy, and the added cost per article. Figures, not assertions.
 */
import { execSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import type { StoryAssignment } from '../src/stories/index.js';
import { generateCorpus, type BenchArticle } from './support/stories-corpus.js';
import { groupArticle, MemoryLshIndex } from './support/stories-index.js';
import { pairwiseScores } from './support/stories-score.js';

/** The corpus size; the seed makes runs comparable. */
const ARTICLES = 20_000;
const SEED = 8;

function share(items: BenchArticle[], ok: (a: BenchArticle) => boolean): string {
  return items.length === 0 ? 'n/a' : (items.filter(ok).length / items.length).toFixed(3);
}

/** Every article through the grouping in crawl order; the clock covers only presswatch's work. */
function groupCorpus(corpus: BenchArticle[]) {
  const index = new MemoryLshIndex();
  const results = new Map<string, StoryAssignment>();
  const started = performance.now();
  for (const article of corpus) results.set(article.id, groupArticle(index, article));
  return { results, msPerArticle: (performance.now() - started) / corpus.length };
}

function report(
  corpus: BenchArticle[],
  results: Map<string, StoryAssignment>,
  msPerArticle: number,
): void {
  const result = (a: BenchArticle) => results.get(a.id) as StoryAssignment;
  const scores = pairwiseScores(
    corpus,
    (a) => result(a).story_id,
    (a) => a.truth,
  );
  const position = new Map(corpus.map((a, i) => [a.id, i]));
  const copies = corpus.filter((a) => a.role === 'copy');
  const lateCopies = copies.filter((a) => (position.get(a.truth) ?? 0) < (position.get(a.id) ?? 0));
  const rows: [string, string][] = [
    ['articles', `${corpus.length} (${copies.length} copies keeping 50-100% of their original)`],
    [
      'precision (pairs)',
      `${scores.precision.toFixed(4)}  (${scores.predictedPairs} pairs grouped)`,
    ],
    ['recall (pairs)', `${scores.recall.toFixed(4)}  (${scores.truePairs} true pairs)`],
    [
      'origin right',
      `${share(lateCopies, (a) => result(a).origin_id === a.truth)} of copies seen after their original`,
    ],
    [
      'copied_from right',
      `${share(lateCopies, (a) => result(a).copied_from === a.truth)} of the same copies`,
    ],
    [
      'added cost',
      `${msPerArticle.toFixed(3)} ms per article (fingerprint, keys, candidates, decision)`,
    ],
    [
      'load average',
      execSync('uptime')
        .toString()
        .trim()
        .replace(/.*load average: /, ''),
    ],
  ];
  for (const [label, value] of rows) console.log(`${label.padEnd(20)}${value}`);
}

const corpus = generateCorpus(ARTICLES, SEED);
const { results, msPerArticle } = groupCorpus(corpus);
report(corpus, results, msPerArticle);
