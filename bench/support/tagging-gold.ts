/**
 * Scores on our gold set (test/gold/articles.ndjson, labelled by test/gold/GUIDE.md): per-topic
 * precision/recall/F1, main countries and pairs, for the dev half (odd ids, tuned on) and the
 * test half (even ids, only measured) apart, and for the whole set (what the targets name).
 */
import { readFileSync } from 'node:fs';
import { tagLine } from '../../src/cli/commands/tag.js';
import type { Tagger } from '../../src/tagging/index.js';
import { Counts } from './tagging-scores.js';

export interface GoldArticle {
  id: string;
  language: string;
  title: string;
  text: string;
  topics: string[];
  countries: string[];
  pairs: { pair: string; relation: string }[];
}

type Half = 'dev' | 'test';
type Part = Half | 'all';

export function readGold(path: string): GoldArticle[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as GoldArticle);
}

/** Odd-numbered articles are the dev half (see GUIDE.md). */
export function halfOf(article: GoldArticle): Half {
  return Number(article.id.slice(1)) % 2 === 1 ? 'dev' : 'test';
}

interface HalfScores {
  articles: number;
  topics: Map<string, Counts>;
  countries: Counts;
  pairs: Counts;
  /** Pairs with the relation too: `CN-RU:alliance`. */
  relations: Counts;
}

function emptyScores(topicIds: string[]): HalfScores {
  const topics = new Map(topicIds.map((id) => [id, new Counts()]));
  return {
    articles: 0,
    topics,
    countries: new Counts(),
    pairs: new Counts(),
    relations: new Counts(),
  };
}

function relationsOf(pairs: string[], evidence: Record<string, { relation?: string }>): string[] {
  return pairs.map((pair) => `${pair}:${evidence[pair]?.relation ?? ''}`);
}

function addArticle(half: HalfScores, article: GoldArticle, got: ReturnType<typeof tagLine>): void {
  half.articles += 1;
  for (const [topic, counts] of half.topics)
    counts.add(
      got.topics.filter((t) => t === topic),
      article.topics.filter((t) => t === topic),
    );
  half.countries.add(got.countries, article.countries);
  half.pairs.add(
    got.pairs,
    article.pairs.map((p) => p.pair),
  );
  half.relations.add(
    relationsOf(got.pairs, got.evidence.pairs),
    article.pairs.map((p) => `${p.pair}:${p.relation}`),
  );
}

/** Tags each article through the `presswatch tag` line function; `onError` sees dev misses only. */
export function scoreGold(
  tagger: Tagger,
  gold: GoldArticle[],
  topicIds: string[],
  onDevError?: (article: GoldArticle, got: ReturnType<typeof tagLine>) => void,
): Record<Part, HalfScores> {
  const scores = {
    dev: emptyScores(topicIds),
    test: emptyScores(topicIds),
    all: emptyScores(topicIds),
  };
  for (const article of gold) {
    const { id, title, text, language } = article;
    const got = tagLine(tagger, JSON.stringify({ id, title, text, language }));
    addArticle(scores[halfOf(article)], article, got);
    addArticle(scores.all, article, got);
    const wrong =
      got.topics.join() !== article.topics.join() ||
      got.countries.join() !== article.countries.join();
    if (wrong && halfOf(article) === 'dev') onDevError?.(article, got);
  }
  return scores;
}

const PART_LABELS: Record<Part, string> = {
  dev: 'dev half (odd ids, rules tuned on it)',
  test: 'test half (even ids, held out)',
  all: 'whole set (targets: F1 ≥ 0.85 per topic)',
};

export function printGold(scores: Record<Part, HalfScores>): void {
  for (const half of ['dev', 'test', 'all'] as const) {
    const s = scores[half];
    const label = PART_LABELS[half];
    console.log(`Gold set, ${label}: ${s.articles} articles`);
    for (const [topic, counts] of s.topics) console.log(`  ${topic.padEnd(26)} ${counts.format()}`);
    console.log(`  ${'main countries'.padEnd(26)} ${s.countries.format()}`);
    console.log(`  ${'pairs'.padEnd(26)} ${s.pairs.format()}`);
    console.log(`  ${'pairs with relation'.padEnd(26)} ${s.relations.format()}`);
  }
}
