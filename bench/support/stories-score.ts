/** Pairs inside groups of these sizes: n (n - 1) / 2 each. */
function pairs(counts: Iterable<number>): number {
  let sum = 0;
  for (const n of counts) sum += (n * (n - 1)) / 2;
  return sum;
}

function countBy<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/**
 * Pairwise precision and recall of a grouping: of the pairs put in one story, how many belong
 * together; of the pairs that belong together, how many were put in one story.
 */
export function pairwiseScores<T>(
  items: T[],
  predicted: (item: T) => string,
  truth: (item: T) => string,
): { precision: number; recall: number; predictedPairs: number; truePairs: number } {
  const both = pairs(countBy(items, (i) => `${predicted(i)}\u0000${truth(i)}`).values());
  const predictedPairs = pairs(countBy(items, predicted).values());
  const truePairs = pairs(countBy(items, truth).values());
  return {
    precision: predictedPairs === 0 ? 1 : both / predictedPairs,
    recall: truePairs === 0 ? 1 : both / truePairs,
    predictedPairs,
    truePairs,
  };
}
