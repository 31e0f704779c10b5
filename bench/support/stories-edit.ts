import { intBetween, pick, type Random } from '../../src/demo/seeded-random.js';
import { headline, paragraph, wordCount, type Topic } from './stories-text.js';

/** Drops whole paragraphs at random while the copy keeps at least `share` of the words. */
function shorten(random: Random, paragraphs: string[], share: number): string[] {
  const total = paragraphs.reduce((sum, p) => sum + wordCount(p), 0);
  let kept = paragraphs.map((p) => ({ p, words: wordCount(p) }));
  for (let tries = 0; tries < paragraphs.length; tries++) {
    const i = intBetween(random, 0, kept.length - 1);
    const left = kept.reduce((sum, k) => sum + k.words, 0) - (kept[i]?.words ?? 0);
    if (left / total >= share) kept = kept.filter((_, j) => j !== i);
  }
  return kept.map((k) => k.p);
}

/** One word dropped or one pool word inserted: the small edits of a copy desk. */
function touchWords(random: Random, text: string, words: string[]): string {
  const tokens = text.split(' ');
  const at = intBetween(random, 0, tokens.length - 1);
  if (random() < 0.5) tokens.splice(at, 1);
  else tokens.splice(at, 0, pick(random, words));
  return tokens.join(' ');
}

function swapAdjacent(random: Random, paragraphs: string[]): void {
  if (paragraphs.length < 2) return;
  const i = intBetween(random, 0, paragraphs.length - 2);
  [paragraphs[i], paragraphs[i + 1]] = [paragraphs[i + 1] as string, paragraphs[i] as string];
}

/**
 * A copy that keeps from half to all of the original's words: paragraphs deleted, words touched
 * in three paragraphs in ten, paragraphs swapped in four copies in ten, up to two new paragraphs
 * inserted, a new headline, and a credit line when `creditTo` is given.
 */
export function editCopy(
  random: Random,
  topic: Topic,
  original: string[],
  creditTo: string | undefined,
): string {
  const share = 0.5 + random() * 0.5;
  const out = shorten(random, original, share).map((p) =>
    random() < 0.3 ? touchWords(random, p, topic.words) : p,
  );
  if (random() < 0.4) swapAdjacent(random, out);
  for (let i = intBetween(random, 0, 2); i > 0; i--) {
    out.splice(intBetween(random, 0, out.length), 0, paragraph(random, topic));
  }
  if (creditTo !== undefined) out.push(`Quelle: ${creditTo}`);
  return [headline(random, topic), ...out].join('\n\n');
}
