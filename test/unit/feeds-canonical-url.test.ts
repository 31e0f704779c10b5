import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalizeUrl, documentId } from '../../src/feeds/index.js';

describe('canonicalizeUrl', () => {
  test('lower-cases scheme and host, drops default port and fragment, sorts parameters', () => {
    assert.equal(
      canonicalizeUrl(
        'HTTPS://WWW.Zeitung.Example.DE:443/Politik/Artikel-1.html?b=2&a=1#kommentare',
      ),
      'https://www.zeitung.example.de/Politik/Artikel-1.html?a=1&b=2',
    );
  });

  test('drops tracking parameters and keeps the ones that select content', () => {
    const tracked =
      'https://news.example.com/story?id=42&utm_source=rss&utm_medium=feed&fbclid=x&gclid=y&mc_cid=1&mc_eid=2' +
      '&yclid=3&_ga=4&ocid=5&at_medium=RSS&at_campaign=KARANGA&cmpid=6&ref_src=twsrc&xtor=RSS-1&page=2';
    assert.equal(canonicalizeUrl(tracked), 'https://news.example.com/story?id=42&page=2');
  });

  test('keeps www., the scheme and a trailing slash, so the URL stays fetchable as it is', () => {
    assert.equal(canonicalizeUrl('http://www.example.ru/news/'), 'http://www.example.ru/news/');
  });

  test('is idempotent', () => {
    const once = canonicalizeUrl('https://Example.com/a/?utm_campaign=x&z=1&y=2#top');
    assert.equal(canonicalizeUrl(once), once);
  });
});

describe('documentId', () => {
  test('32 hex characters', () => {
    assert.match(documentId('https://example.com/a'), /^[0-9a-f]{32}$/);
  });

  test('one id for one article listed with utm_* parameters, with www., over http, with a trailing slash', () => {
    const variants = [
      'https://www.rheinischer-bote.example.de/politik/foerderprogramm?utm_source=rss',
      'https://rheinischer-bote.example.de/politik/foerderprogramm',
      'http://www.rheinischer-bote.example.de/politik/foerderprogramm/',
      'https://rheinischer-bote.example.de/politik/foerderprogramm#top',
    ];
    const ids = new Set(variants.map((url) => documentId(canonicalizeUrl(url))));
    assert.equal(ids.size, 1);
  });

  test('different articles, hosts or content parameters get different ids', () => {
    const ids = new Set(
      [
        'https://example.com/a',
        'https://example.com/b',
        'https://example.org/a',
        'https://example.com/a?id=1',
        'https://news.example.com/a',
      ].map((url) => documentId(url)),
    );
    assert.equal(ids.size, 5);
  });
});

describe('documentId across editions (config/dedupe.yaml)', () => {
  test('mobile and AMP editions share the article’s id', () => {
    const id = documentId('https://www.zeitung.example/politik/gipfel-1.html');
    for (const variant of [
      'https://m.zeitung.example/politik/gipfel-1.html',
      'https://amp.zeitung.example/politik/gipfel-1.html',
      'https://zeitung.example/amp/politik/gipfel-1.html',
      'https://zeitung.example/politik/gipfel-1.amp.html',
      'https://zeitung.example/politik/gipfel-1.html?amp',
      'https://zeitung.example/politik/gipfel-1.html?outputType=amp',
      'http://zeitung.example:80/politik/gipfel-1.html/?utm_source=rss',
    ])
      assert.equal(documentId(variant), id, variant);
    assert.equal(
      documentId('https://zeitung.example/politik/gipfel-1.html/amp'),
      documentId('https://zeitung.example/politik/gipfel-1.html'),
    );
  });
  test('other parameters keep their encoding, so existing ids stay', () => {
    assert.notEqual(documentId('https://a.example/s?q=a%20b'), documentId('https://a.example/s'));
    assert.notEqual(
      documentId('https://a.example/s?p=1&amp=1'),
      documentId('https://a.example/s?p=2'),
    );
  });
});
