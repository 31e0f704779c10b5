/**
 * A language-independent near-duplicate fingerprint of a body: MinHash over word shingles.
 *
 * Words are what any script has in common: after NFKD, combining marks are dropped and letters
 * lower-cased, so "Moskau", "MOSKAU" and "Moskaú", or "ё" and "е", are one word. No stemming or
 * stop words, which would need to know the language.
 */

/** Four-word shingles: long enough that two articles on one topic rarely share one by chance
 * ("the prime minister said"), short enough that an edit destroys only the three shingles across
 * it. */
export const SHINGLE_WORDS = 4;
/** 64 bands × 2 rows; see lsh.ts for the S-curve that fixes these numbers. */
export const BANDS = 64;
export const ROWS = 2;
export const HASHES = BANDS * ROWS;

export interface Fingerprint {
  /** The minimum of each of HASHES hash functions over the body's shingles, as unsigned 32 bit. */
  /** Typed: 512 bytes flat, where an array of numbers above 2^30 boxes each one on the heap. */
  minhashes: Uint32Array;
  /** How many distinct shingles the body has: turns an estimated Jaccard into containment. */
  shingles: number;
}

const WORD = /[\p{L}\p{N}]+/gu;
const COMBINING_MARK = /\p{M}/gu;

/** The body's words, with case and diacritics folded so that retyped copies still match. */
export function normalisedWords(text: string): string[] {
  // ß → ss as Unicode's full case folding does: "STRASSE" is how "Straße" is upper-cased.
  const folded = text
    .normalize('NFKD')
    .replace(COMBINING_MARK, '')
    .toLowerCase()
    .replace(/ß/g, 'ss');
  return folded.match(WORD) ?? [];
}

/** FNV-1a over UTF-16 code units: a cheap, stable 32-bit hash of one word. */
function hashWord(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** murmur3's finaliser: spreads every input bit over the output, which MinHash needs. */
function mix(value: number): number {
  let v = value;
  v = Math.imul(v ^ (v >>> 16), 0x85ebca6b);
  v = Math.imul(v ^ (v >>> 13), 0xc2b2ae35);
  return (v ^ (v >>> 16)) >>> 0;
}

/** One seed per hash function, fixed forever: fingerprints stored today must match tomorrow's. */
const SEEDS = Array.from({ length: HASHES }, (_, i) => mix(Math.imul(i + 1, 0x9e3779b1)));

function shingleHashes(words: string[]): Set<number> {
  const wordHashes = words.map(hashWord);
  const count = Math.max(1, words.length - SHINGLE_WORDS + 1);
  const out = new Set<number>();
  for (let start = 0; start < count && words.length > 0; start++) {
    let hash = 0;
    const end = Math.min(words.length, start + SHINGLE_WORDS);
    for (let i = start; i < end; i++) hash = mix(hash ^ (wordHashes[i] as number)) + 1;
    out.add(hash >>> 0);
  }
  return out;
}

export function fingerprint(text: string): Fingerprint {
  const shingles = shingleHashes(normalisedWords(text));
  const minhashes = new Uint32Array(HASHES).fill(0xffffffff);
  for (const shingle of shingles) {
    for (let i = 0; i < HASHES; i++) {
      const h = mix(shingle ^ (SEEDS[i] as number));
      if (h < (minhashes[i] as number)) minhashes[i] = h;
    }
  }
  return { minhashes, shingles: shingles.size };
}
