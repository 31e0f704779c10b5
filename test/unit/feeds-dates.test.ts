import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { toIsoDate } from '../../src/feeds/dates.js';

describe('toIsoDate', () => {
  const cases: [string, string][] = [
    ['Tue, 04 Jun 2024 09:15:00 +0200', '2024-06-04T07:15:00.000Z'],
    ['4 Jun 2024 09:15 GMT', '2024-06-04T09:15:00.000Z'],
    ['Mon, 02 Sep 2024 11:00:00 MSK', '2024-09-02T08:00:00.000Z'],
    ['Fri, 01 Mar 24 10:00:00 EST', '2024-03-01T15:00:00.000Z'],
    ['Sat, 6 July 2024 10:00:00 CEST', '2024-07-06T08:00:00.000Z'],
    ['2024-07-19T08:05:00+01:00', '2024-07-19T07:05:00.000Z'],
    ['2024-07-19T08:05:00.123Z', '2024-07-19T08:05:00.000Z'],
    ['2024-07-19 08:05', '2024-07-19T08:05:00.000Z'],
    ['2024-07-18', '2024-07-18T00:00:00.000Z'],
  ];
  for (const [input, expected] of cases) {
    test(input, () => assert.equal(toIsoDate(input), expected));
  }
  for (const junk of [
    'irgendwann im Juni',
    '2024-02-30',
    '31 Foo 2024 10:00 GMT',
    '',
    '2024-13-01',
  ]) {
    test(`unparsable "${junk}" is omitted`, () => assert.equal(toIsoDate(junk), undefined));
  }
});
