import type { LanguagePool } from './language-pool.js';
import { intBetween, pickDistinct, type Random } from './seeded-random.js';

/** Share of generated articles that are mostly geopolitics; the rest are local news. */
const GEO_HEAVY_SHARE = 0.6;

/** 5–15 paragraphs of 2–4 sentences; most articles lean on the geopolitical pool. */
export function composeParagraphs(random: Random, pool: LanguagePool): string[] {
  const geoHeavy = random() < GEO_HEAVY_SHARE;
  return Array.from({ length: intBetween(random, 5, 15) }, () => {
    const count = intBetween(random, 2, 4);
    const geo = geoHeavy ? intBetween(random, 1, count) : 0;
    const sentences = [
      ...pickDistinct(random, pool.geoSentences, geo),
      ...pickDistinct(random, pool.neutralSentences, count - geo),
    ];
    return sentences.join(' ');
  });
}

/** 3–12 reader comments; the regulars take turns, and come back on long threads. */
export function composeComments(
  random: Random,
  pool: LanguagePool,
): { name: string; text: string }[] {
  const count = intBetween(random, 3, 12);
  return Array.from({ length: count }, (_, k) => ({
    name: pool.commenters[k % pool.commenters.length]!,
    text: pickDistinct(random, pool.comments, 2).join(' '),
  }));
}
