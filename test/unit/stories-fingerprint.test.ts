import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BANDS, HASHES, fingerprint, normalisedWords } from '../../src/stories/fingerprint.js';
import {
  containment,
  decodeFingerprint,
  encodeFingerprint,
  lshKeys,
  similarity,
} from '../../src/stories/index.js';

const PARAGRAPHS = [
  'Die Delegationen trafen sich am Morgen im Gästehaus der Regierung am Ufer des Flusses.',
  'Über die Ergebnisse der Gespräche wurde zunächst Stillschweigen vereinbart, hieß es danach.',
  'Ein Sprecher kündigte für die kommende Woche eine gemeinsame Erklärung beider Seiten an.',
  'Beobachter rechnen nicht mit einem raschen Durchbruch in den strittigen Zollfragen.',
];
const BODY = PARAGRAPHS.join('\n\n');

describe('fingerprint', () => {
  test('case, diacritics and punctuation do not matter; every script is split into words', () => {
    assert.deepEqual(normalisedWords('Moskaú, MOSKAU! Ёлка'), ['moskau', 'moskau', 'елка']);
    assert.equal(similarity(fingerprint(BODY), fingerprint(BODY.toUpperCase())), 1);
  });

  test('has one minimum per hash function and counts distinct shingles', () => {
    const fp = fingerprint(BODY);
    assert.equal(fp.minhashes.length, HASHES);
    assert.equal(fp.shingles, normalisedWords(BODY).length - 3);
  });

  test('an empty body has no shingles, no LSH keys and no similarity to anything', () => {
    const empty = fingerprint('  ');
    assert.equal(empty.shingles, 0);
    assert.deepEqual(lshKeys(empty), []);
    assert.equal(similarity(empty, empty), 0);
  });
});

describe('similarity and containment', () => {
  test('a copy of the first half carries half of the origin, and is carried whole', () => {
    const origin = fingerprint(BODY);
    const half = fingerprint(PARAGRAPHS.slice(0, 2).join('\n\n'));
    assert.ok(Math.abs(containment(origin, half) - 0.5) < 0.12);
    assert.ok(containment(half, origin) > 0.9);
  });

  test('unrelated texts share no LSH key', () => {
    const other = fingerprint(
      'Das Wetter bleibt wechselhaft, am Wochenende ziehen von Westen Schauer auf.',
    );
    const keys = new Set(lshKeys(fingerprint(BODY)));
    assert.equal(lshKeys(other).filter((k) => keys.has(k)).length, 0);
  });

  test('one key per band, the same for the same text', () => {
    const keys = lshKeys(fingerprint(BODY));
    assert.equal(new Set(keys).size, BANDS);
    assert.deepEqual(lshKeys(fingerprint(BODY)), keys);
  });
});

describe('fingerprint codec', () => {
  test('a stored fingerprint reads back equal; a foreign string reads as undefined', () => {
    const fp = fingerprint(BODY);
    const text = encodeFingerprint(fp);
    assert.deepEqual(decodeFingerprint(text), fp);
    assert.equal(decodeFingerprint('12:AAAA'), undefined);
    assert.equal(decodeFingerprint('x'), undefined);
  });
});
