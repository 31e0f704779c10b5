import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { toBuckets } from '../../src/store/sqlite/histogram.js';

describe('sqlite histogram buckets', () => {
  test('weeks start on Monday; empty weeks between are zero; per-topic counts roll up', () => {
    const days = [
      { day: '2026-03-01', count: 2 }, // a Sunday: the week of Monday 23 February
      { day: '2026-03-02', count: 1 }, // a Monday: a week of its own
      { day: '2026-03-17', count: 4 },
    ];
    const topicDays = [
      { day: '2026-03-01', topic: 'nato', count: 1 },
      { day: '2026-03-17', topic: 'sanctions', count: 1 },
      { day: '2026-03-17', topic: 'nato', count: 3 },
    ];
    assert.deepEqual(toBuckets(days, 'week', {}, topicDays), [
      { bucket: '2026-02-23', count: 2, topics: { nato: 1 } },
      { bucket: '2026-03-02', count: 1, topics: {} },
      { bucket: '2026-03-09', count: 0, topics: {} },
      { bucket: '2026-03-16', count: 4, topics: { nato: 3, sanctions: 1 } },
    ]);
  });

  test('topics of a bucket are ordered by count, then by id, as Elasticsearch orders terms', () => {
    const topicDays = ['trade', 'nato', 'sanctions'].map((topic) => ({
      day: '2026-01-05',
      topic,
      count: topic === 'trade' ? 2 : 1,
    }));
    const [bucket] = toBuckets([{ day: '2026-01-05', count: 3 }], 'month', {}, topicDays);
    assert.deepEqual(Object.keys(bucket!.topics!), ['trade', 'nato', 'sanctions']);
  });

  test('without topic counts the buckets carry no topics field', () => {
    assert.deepEqual(toBuckets([{ day: '2026-01-05', count: 3 }], 'month', {}), [
      { bucket: '2026-01-01', count: 3 },
    ]);
  });
});
