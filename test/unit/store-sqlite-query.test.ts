import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { UsageError } from '../../src/core/errors.js';
import { bucketKey, isoToMs, nextBucketKey, rangeBound } from '../../src/store/dates.js';
import { toMatchExpression } from '../../src/store/sqlite/fts-query.js';
import { toBuckets } from '../../src/store/sqlite/histogram.js';

describe('toMatchExpression', () => {
  test('quotes every word, prefixes words of four or more letters, ANDs them', () => {
    assert.equal(toMatchExpression('Militärbündnis EU союз'), '"Militärbündnis"* "EU" "союз"*');
  });

  test('FTS operators and quotes in user input become literal text', () => {
    assert.equal(toMatchExpression('say "hi" OR NOT'), '"say" """hi""" "OR" "NOT"');
    assert.equal(toMatchExpression('title:x'), '"title:x"*');
  });

  test('text without a letter or digit gives no expression', () => {
    assert.equal(toMatchExpression('  -- ** ( ) '), undefined);
  });
});

describe('dates', () => {
  test('dates and zone-less date-times are read as UTC; other text is NaN', () => {
    assert.equal(isoToMs('2024-03-05'), Date.UTC(2024, 2, 5));
    assert.equal(isoToMs('2024-03-05T10:00'), Date.UTC(2024, 2, 5, 10));
    assert.equal(isoToMs('2024-03-05T12:00:00+02:00'), Date.UTC(2024, 2, 5, 10));
    assert.ok(Number.isNaN(isoToMs('March 5')));
  });

  test('a bare `to` date reaches the last millisecond of that day; bad input is a UsageError', () => {
    assert.equal(rangeBound('2024-03-05', 'to'), Date.UTC(2024, 2, 6) - 1);
    assert.equal(rangeBound('2024-03-05T08:00:00Z', 'to'), Date.UTC(2024, 2, 5, 8));
    assert.equal(rangeBound('2024-03-05', 'from'), Date.UTC(2024, 2, 5));
    assert.throws(() => rangeBound('soon', 'from'), UsageError);
  });

  test('bucket keys: day, Monday of the week, first of the month, across year ends', () => {
    const sunday = Date.UTC(2023, 11, 31, 23, 59);
    assert.equal(bucketKey(sunday, 'day'), '2023-12-31');
    assert.equal(bucketKey(sunday, 'week'), '2023-12-25');
    assert.equal(bucketKey(Date.UTC(2024, 0, 1), 'week'), '2024-01-01');
    assert.equal(bucketKey(sunday, 'month'), '2023-12-01');
    assert.equal(nextBucketKey('2023-12-25', 'week'), '2024-01-01');
    assert.equal(nextBucketKey('2023-12-01', 'month'), '2024-01-01');
    assert.equal(nextBucketKey('2024-02-28', 'day'), '2024-02-29');
  });
});

describe('toBuckets', () => {
  test('rolls days up into weeks and fills the gaps with zeros', () => {
    const days = [
      { day: '2024-03-03', count: 2 },
      { day: '2024-03-04', count: 1 },
      { day: '2024-03-20', count: 4 },
    ];
    assert.deepEqual(toBuckets(days, 'week', {}), [
      { bucket: '2024-02-26', count: 2 },
      { bucket: '2024-03-04', count: 1 },
      { bucket: '2024-03-11', count: 0 },
      { bucket: '2024-03-18', count: 4 },
    ]);
  });

  test('bounds alone give zero buckets over the whole range; nothing at all gives none', () => {
    const bounds = { from: Date.UTC(2024, 0, 30), to: Date.UTC(2024, 1, 2) };
    assert.deepEqual(
      toBuckets([], 'day', bounds).map((b) => b.bucket),
      ['2024-01-30', '2024-01-31', '2024-02-01', '2024-02-02'],
    );
    assert.deepEqual(toBuckets([], 'month', {}), []);
  });
});
