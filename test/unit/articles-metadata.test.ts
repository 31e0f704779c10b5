import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { extractArticle } from '../../src/articles/index.js';
import { dateFromUrl, normalizeDate } from '../../src/articles/dates.js';
import { stripSiteSuffix, toIso6391 } from '../../src/articles/meta.js';

/** Enough prose to pass the no-article threshold, so tests can focus on one field. */
const PROSE = Array.from(
  { length: 4 },
  (_, i) =>
    `<p>Absatz ${i + 1}: Die Verhandlungen dauerten bis in die Nacht, und am Ende stand ein Kompromiss, den beide Seiten als Erfolg bezeichneten.</p>`,
).join('');

function pageWith(head: string, bodyStart = '', htmlAttrs = ''): string {
  return `<html${htmlAttrs}><head>${head}</head><body>${bodyStart}<article>${PROSE}</article></body></html>`;
}

describe('title', () => {
  test('strips a site-name suffix from <title>', () => {
    const result = extractArticle(
      pageWith('<title>Streit um die Rente geht weiter | RT DE</title>'),
      'https://x.example/a',
    );
    assert.equal(result.title, 'Streit um die Rente geht weiter');
  });

  test('keeps a dash that belongs to the headline', () => {
    assert.equal(
      stripSiteSuffix('Wahl 2026 - die Ergebnisse aus allen Wahlkreisen'),
      'Wahl 2026 - die Ergebnisse aus allen Wahlkreisen',
    );
    assert.equal(stripSiteSuffix('Neue Regierung vereidigt - Spiegel'), 'Neue Regierung vereidigt');
  });

  test('prefers og:title, then the JSON-LD headline, then the first <h1>', () => {
    const ld =
      '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Aus JSON-LD"}</script>';
    assert.equal(
      extractArticle(
        pageWith(`<meta property="og:title" content="Aus OG">${ld}`),
        'https://x.example/',
      ).title,
      'Aus OG',
    );
    assert.equal(
      extractArticle(pageWith(`<title>T | S</title>${ld}`, '<h1>Aus H1</h1>'), 'https://x.example/')
        .title,
      'Aus JSON-LD',
    );
    assert.equal(
      extractArticle(
        pageWith('<title>Aus Title | Site</title>', '<h1>Aus H1</h1>'),
        'https://x.example/',
      ).title,
      'Aus H1',
    );
  });
});

describe('authors', () => {
  test('JSON-LD authors, deduplicated, desks dropped when a person is named', () => {
    const ld =
      '<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","author":[{"name":"Anna Schmidt"},{"name":"anna schmidt"},{"name":"Redaktion"}]}]}</script>';
    assert.deepEqual(extractArticle(pageWith(ld), 'https://x.example/').authors, ['Anna Schmidt']);
  });

  test('meta author with a "Von" prefix and two names', () => {
    const result = extractArticle(
      pageWith('<meta name="author" content="Von Anna Schmidt und Peter Braun">'),
      'https://x.example/',
    );
    assert.deepEqual(result.authors, ['Anna Schmidt', 'Peter Braun']);
  });

  test('a profile URL in article:author is not a name; the byline is', () => {
    const head = '<meta property="article:author" content="https://facebook.com/someone">';
    const result = extractArticle(
      pageWith(head, '<p class="byline">By John Doe</p>'),
      'https://x.example/',
    );
    assert.deepEqual(result.authors, ['John Doe']);
  });
});

describe('dates', () => {
  const now = Date.parse('2026-03-20T00:00:00Z');

  test('normalises to ISO 8601 UTC', () => {
    assert.equal(normalizeDate('2026-03-14T09:30:00+01:00', now), '2026-03-14T08:30:00.000Z');
    assert.equal(normalizeDate('2026-03-14', now), '2026-03-14T00:00:00.000Z');
  });

  test('rejects dates before 1990, more than a day ahead, or unparseable', () => {
    assert.equal(normalizeDate('1989-12-31T23:00:00Z', now), undefined);
    assert.equal(normalizeDate('2026-03-21T12:00:00Z', now), undefined);
    assert.equal(normalizeDate('2026-03-20T20:00:00Z', now), '2026-03-20T20:00:00.000Z');
    assert.equal(normalizeDate('gestern', now), undefined);
  });

  test('reads /2026/03/14/ and /2026-3-4- from URLs', () => {
    assert.equal(dateFromUrl('https://x.example/politik/2026/03/14/titel/'), '2026-03-14');
    assert.equal(dateFromUrl('https://x.example/2026-3-4-titel'), '2026-03-04');
    assert.equal(dateFromUrl('https://x.example/politik/titel-123/'), undefined);
  });

  test('itemprop datePublished and article:modified_time', () => {
    const head = '<meta property="article:modified_time" content="2026-03-15T10:00:00Z">';
    const body = '<span itemprop="datePublished" content="2026-03-14T08:00:00Z">14.03.</span>';
    const result = extractArticle(pageWith(head, body), 'https://x.example/');
    assert.equal(result.published_at, '2026-03-14T08:00:00.000Z');
    assert.equal(result.updated_at, '2026-03-15T10:00:00.000Z');
  });
});

describe('language and canonical URL', () => {
  test('ISO 639-1 from <html lang>, og:locale or content-language', () => {
    assert.equal(toIso6391('de-DE'), 'de');
    assert.equal(toIso6391('ru_RU'), 'ru');
    assert.equal(toIso6391('EN'), 'en');
    assert.equal(toIso6391('deu'), undefined);
    assert.equal(
      extractArticle(pageWith('', '', ' lang="de-AT"'), 'https://x.example/').language,
      'de',
    );
    const meta = '<meta http-equiv="Content-Language" content="ru">';
    assert.equal(extractArticle(pageWith(meta), 'https://x.example/').language, 'ru');
  });

  test('a relative canonical link becomes absolute', () => {
    const result = extractArticle(
      pageWith('<link rel="canonical" href="/politik/artikel-1">'),
      'https://www.x.example/amp/artikel-1?utm_source=x',
    );
    assert.equal(result.canonical_url, 'https://www.x.example/politik/artikel-1');
  });
});
