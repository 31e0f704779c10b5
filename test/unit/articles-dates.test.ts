import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { decodeHtml, extractArticle } from '../../src/articles/index.js';
import { parseVisibleDate } from '../../src/articles/visible-date.js';

const FIXTURES = new URL('../fixtures/', import.meta.url);

/** Our fixture pages that carry a publication date, with the calendar day it names. */
const PAGE_DATES: Record<string, string> = {
  'pages/de-rt-buendnis.html': '2026-03-14',
  'pages/en-wire-alliance.html': '2026-03-14',
  'pages/ru-alliance-cp1251.html': '2026-03-14',
  'pages/ru-alliance-utf8.html': '2026-03-14',
  'pages/fr-visible-date.html': '2026-03-14',
};

/** The fixture site's articles, with the dates its expected.json gives. */
function siteDates(): Record<string, string> {
  const expected = JSON.parse(
    readFileSync(new URL('site/expected.json', FIXTURES), 'utf8'),
  ) as Record<string, { published_at?: string }>;
  const out: Record<string, string> = {};
  for (const [path, entry] of Object.entries(expected)) {
    if (path.startsWith('/articles/') && entry.published_at !== undefined) {
      out[`site${path}`] = new Date(entry.published_at).toISOString();
    }
  }
  return out;
}

/** Right when the instant matches, or the day when the fixture gives only a day. */
function isRight(found: string | undefined, expected: string): boolean {
  if (found === undefined) return false;
  return expected.length === 10 ? found.startsWith(expected) : found === expected;
}

function extractedDate(path: string): string | undefined {
  const html = decodeHtml(readFileSync(new URL(path, FIXTURES)));
  return extractArticle(html, `https://fixture.example/${path}`).published_at;
}

describe('publication dates on our fixture pages', () => {
  test('at least 90 % of the pages that carry a date get it right', () => {
    const cases = Object.entries({ ...PAGE_DATES, ...siteDates() });
    const wrong = cases.filter(([path, expected]) => !isRight(extractedDate(path), expected));
    const share = (cases.length - wrong.length) / cases.length;
    assert.ok(cases.length >= 14, `only ${cases.length} dated pages`);
    assert.ok(share >= 0.9, `right on ${share.toFixed(2)}; wrong: ${wrong.map((w) => w[0])}`);
  });

  test('a date shown only as text is read, and its source says so', () => {
    const html = readFileSync(new URL('pages/fr-visible-date.html', FIXTURES), 'utf8');
    const result = extractArticle(html, 'https://gazette.example/budget');
    assert.equal(result.published_at, '2026-03-14T00:00:00.000Z');
    assert.equal(result.provenance?.published_at, 'text');
  });
});

describe('parseVisibleDate', () => {
  const cases: [string, string | undefined][] = [
    ['Veröffentlicht am 14.03.2026, 09:30 Uhr', '2026-03-14'],
    ['14. März 2026', '2026-03-14'],
    ['March 14, 2026', '2026-03-14'],
    ['Published 3 May 2026', '2026-05-03'],
    ['14 марта 2026 г.', '2026-03-14'],
    ['le 14 mars 2026', '2026-03-14'],
    ['1er juin', undefined],
    ['99.99.2026', undefined],
  ];
  for (const [text, expected] of cases) {
    test(`${text} → ${expected}`, () => assert.equal(parseVisibleDate(text), expected));
  }
});
