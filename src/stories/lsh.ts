import { BANDS, ROWS, type Fingerprint } from './fingerprint.js';

/**
 * Banded LSH keys: the minhashes cut into BANDS bands of ROWS rows; two bodies become candidates
 * when all rows of at least one band agree. For Jaccard s the chance is 1 - (1 - s^ROWS)^BANDS,
 * an S-curve whose steep part sits near (1/BANDS)^(1/ROWS) = 0.125 for 64 × 2:
 *
 *   s     0.02   0.05   0.10   0.20   0.33    0.40    0.50
 *   P     0.025  0.15   0.47   0.93   0.9994  >0.9999 >0.9999
 *
 * A copy that keeps half of its origin and adds a quarter of new text has s ≥ 0.5 / 1.25 = 0.4,
 * so it is found with certainty in practice; an unrelated article on the same topic (s ≤ 0.05 on
 * our corpus) becomes a candidate one time in seven and is then turned away by the overlap check
 * of assignStory. Fewer rows per band would flood candidates; three rows (42 × 3) would miss one
 * copy in five at s = 0.33.
 */
export function lshKeys(fp: Fingerprint): string[] {
  if (fp.shingles === 0) return [];
  const keys: string[] = [];
  for (let band = 0; band < BANDS; band++) {
    const rows = fp.minhashes.slice(band * ROWS, band * ROWS + ROWS);
    keys.push(`${band.toString(36)}-${Array.from(rows, (r) => r.toString(36)).join('.')}`);
  }
  return keys;
}
