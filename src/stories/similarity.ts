import type { Fingerprint } from './fingerprint.js';

/** Estimated Jaccard similarity of the two bodies' shingle sets: the share of equal minima. */
export function similarity(a: Fingerprint, b: Fingerprint): number {
  if (a.shingles === 0 || b.shingles === 0) return 0;
  // A plain loop: this runs for every candidate of every article, and a callback per element
  // made it the pipeline's hottest function.
  const { minhashes } = a;
  let equal = 0;
  for (let i = 0; i < minhashes.length; i++) if (minhashes[i] === b.minhashes[i]) equal++;
  return equal / minhashes.length;
}

/**
 * How much of `origin` the `copy` carries: |O ∩ C| / |O|. From Jaccard J and the set sizes,
 * |O ∩ C| = J · |O ∪ C| and |O ∪ C| = (|O| + |C|) / (1 + J).
 */
export function containment(origin: Fingerprint, copy: Fingerprint): number {
  const jaccard = similarity(origin, copy);
  if (jaccard === 0) return 0;
  const shared = (jaccard * (origin.shingles + copy.shingles)) / (1 + jaccard);
  return Math.min(1, shared / origin.shingles);
}
