import type { LanguagePool } from '../../src/demo/language-pool.js';
import { intBetween, pick, pickDistinct, type Random } from '../../src/demo/seeded-random.js';

/** Words of our own sentence pools: random sequences of them make text no two articles share. */
export function poolWords(pool: LanguagePool): string[] {
  const lines = [
    ...pool.geoSentences,
    ...pool.neutralSentences,
    ...pool.headlineLeads,
    ...pool.headlineTails,
  ];
  const words = lines.flatMap((line) => line.match(/[\p{L}\p{N}-]+/gu) ?? []);
  return [...new Set(words.map((w) => w.toLowerCase()))];
}

/** A sentence of 8 to 16 random pool words: fresh text, in the language's alphabet. */
export function freshSentence(random: Random, words: string[]): string {
  const picked = Array.from({ length: intBetween(random, 8, 16) }, () => pick(random, words));
  const first = picked[0] as string;
  picked[0] = first.charAt(0).toUpperCase() + first.slice(1);
  return `${picked.join(' ')}.`;
}

/** A topic: stock sentences every article on it may repeat, as agencies' boilerplate does. */
export interface Topic {
  pool: LanguagePool;
  words: string[];
  stock: string[];
}

/** Eight pool sentences and twelve fresh ones: same-topic articles share some of these. */
export function makeTopic(random: Random, pool: LanguagePool, words: string[]): Topic {
  const fromPool = pickDistinct(random, [...pool.geoSentences, ...pool.neutralSentences], 8);
  const fresh = Array.from({ length: 12 }, () => freshSentence(random, words));
  return { pool, words, stock: [...fromPool, ...fresh] };
}

/** Three in twenty sentences come from the topic's stock: the overlap of unrelated articles. */
const STOCK_SHARE = 0.15;

export function paragraph(random: Random, topic: Topic): string {
  const sentences = Array.from({ length: intBetween(random, 2, 4) }, () =>
    random() < STOCK_SHARE ? pick(random, topic.stock) : freshSentence(random, topic.words),
  );
  return sentences.join(' ');
}

export function headline(random: Random, topic: Topic): string {
  return `${pick(random, topic.pool.headlineLeads)}: ${pick(random, topic.pool.headlineTails)}`;
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
