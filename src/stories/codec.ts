import { HASHES, type Fingerprint } from './fingerprint.js';

/**
 * A fingerprint as one string for a stored, unindexed field: the shingle count and the minhashes
 * as base64 of little-endian uint32s: about 690 characters, against about 1,400 as a JSON array.
 */
export function encodeFingerprint(fp: Fingerprint): string {
  const bytes = Buffer.alloc(4 * HASHES);
  fp.minhashes.forEach((value, i) => bytes.writeUInt32LE(value, 4 * i));
  return `${fp.shingles}:${bytes.toString('base64')}`;
}

/** The inverse of encodeFingerprint; undefined for a string it did not write. */
export function decodeFingerprint(text: string): Fingerprint | undefined {
  const [count, data] = text.split(':');
  const bytes = Buffer.from(data ?? '', 'base64');
  const shingles = Number(count);
  if (!Number.isInteger(shingles) || shingles < 0 || bytes.length !== 4 * HASHES) return undefined;
  const minhashes = new Uint32Array(HASHES);
  for (let i = 0; i < HASHES; i++) minhashes[i] = bytes.readUInt32LE(4 * i);
  return { minhashes, shingles };
}
