import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { FeedParseError } from '../../src/core/stage-errors.js';
import { decodeFeed, parseFeed, parseFeedDocument } from '../../src/feeds/index.js';

const FEED_URL = 'https://feeds.example.net/export/feed.xml';
const load = (name: string) =>
  parseFeed(
    decodeFeed(readFileSync(new URL(`../fixtures/feeds/${name}`, import.meta.url))),
    FEED_URL,
  );

describe('parseFeed: RSS 2.0 (ISO-8859-1, German)', () => {
  const parsed = load('rss20-latin1-de.xml');
  const [first, second] = parsed.items;

  test('channel fields', () => {
    assert.equal(parsed.feed.title, 'Rheinischer Bote - Nachrichten');
    assert.equal(parsed.feed.link, 'https://www.rheinischer-bote.example.de/');
    assert.equal(parsed.feed.language, 'de-DE');
  });

  test('relative link resolved against the feed URL, canonical URL without utm_*', () => {
    assert.equal(
      first?.link,
      'https://feeds.example.net/politik/foerderprogramm-strassenbahnen-100.html?utm_source=rss&utm_medium=feed',
    );
    assert.equal(
      first?.canonical_url,
      'https://feeds.example.net/politik/foerderprogramm-strassenbahnen-100.html',
    );
    assert.equal(
      second?.canonical_url,
      'https://www.rheinischer-bote.example.de/koeln/hochwasser-101.html',
    );
  });

  test('guid as id, dc:creator, content:encoded, RFC 822 date in UTC', () => {
    assert.equal(first?.id, 'rb-2024-100');
    assert.deepEqual(first?.authors, ['Jürgen Weiß']);
    assert.equal(first?.author, 'Jürgen Weiß');
    assert.match(first?.content ?? '', /Größere Städte/);
    assert.equal(first?.summary, 'Die Länder wollen den Ausbau der Schiene gemeinsam finanzieren.');
    assert.equal(first?.published_at, '2024-06-04T07:15:00.000Z');
  });

  test('enclosure and media:content, made absolute', () => {
    assert.deepEqual(first?.enclosures, [
      {
        url: 'https://feeds.example.net/bilder/strassenbahn.jpg',
        type: 'image/jpeg',
        length: 48213,
      },
      {
        url: 'https://cdn.rheinischer-bote.example.de/video/strassenbahn.mp4',
        type: 'video/mp4',
        length: 1048576,
      },
    ]);
  });

  test('an unparsable date is omitted; the RSS author e-mail is dropped from the name', () => {
    assert.equal(second?.published_at, undefined);
    assert.ok(!('published_at' in (second ?? {})));
    assert.deepEqual(second?.authors, ['Grüße aus der Redaktion']);
  });

  test('RSS <ttl> is reported for scheduling', () => {
    const text = decodeFeed(
      readFileSync(new URL('../fixtures/feeds/rss20-latin1-de.xml', import.meta.url)),
    );
    assert.equal(parseFeedDocument(text, FEED_URL).ttlMinutes, 30);
  });
});

describe('parseFeed: Russian legacy encodings and UTF-16', () => {
  for (const name of ['rss-windows-1251-ru.xml', 'rss-koi8r-ru.xml']) {
    test(name, () => {
      const parsed = load(name);
      assert.equal(parsed.items[0]?.title, 'Правительство утвердило новый бюджет на следующий год');
      assert.equal(parsed.items[1]?.summary, 'Экспозиция займёт три зала; вход свободный.');
      // MSK is UTC+3.
      assert.equal(parsed.items[1]?.published_at, '2024-09-02T08:00:00.000Z');
      assert.match(parsed.items[1]?.canonical_url ?? '', /\/culture\/vystavka\/$/);
    });
  }
  test('UTF-16 with BOM', () => {
    const parsed = load('rss-utf16le-bom.xml');
    assert.equal(
      parsed.items[0]?.title,
      'Gipfeltreffen in Genf: Außenminister beraten über Waffenruhe',
    );
    assert.equal(parsed.items[0]?.published_at, '2024-09-11T18:45:00.000Z');
  });
});

describe('parseFeed: RSS 1.0 / RDF', () => {
  const parsed = load('rdf-en.rdf');
  test('channel and items with Dublin Core', () => {
    assert.equal(parsed.feed.title, 'The Harbour Times');
    assert.equal(parsed.feed.language, 'en-GB');
    assert.equal(parsed.items.length, 2);
    assert.equal(parsed.items[0]?.id, 'https://harbourtimes.example.com/news/ferry-strike');
    assert.equal(parsed.items[0]?.author, 'Margaret Hollis');
    assert.equal(parsed.items[0]?.published_at, '2024-07-19T07:05:00.000Z');
    assert.equal(
      parsed.items[0]?.canonical_url,
      'https://harbourtimes.example.com/news/ferry-strike',
    );
    assert.match(parsed.items[0]?.content ?? '', /broken down/);
    assert.equal(parsed.items[1]?.published_at, '2024-07-18T00:00:00.000Z');
  });
});

describe('parseFeed: Atom', () => {
  test('Atom 1.0: nested xml:base, enclosures, html title as text, inherited author', () => {
    const parsed = load('atom-xml-base.xml');
    const [grain, storm] = parsed.items;
    assert.equal(parsed.feed.title, 'North Wire');
    assert.equal(parsed.feed.link, 'https://northwire.example.org/world/');
    assert.equal(parsed.feed.description, 'World news, briefly');
    assert.equal(grain?.link, 'https://northwire.example.org/world/2024/08/grain-corridor.html');
    assert.deepEqual(grain?.enclosures, [
      {
        url: 'https://northwire.example.org/audio/grain-briefing.mp3',
        type: 'audio/mpeg',
        length: 2048000,
      },
    ]);
    assert.equal(grain?.published_at, '2024-08-01T07:30:00.000Z');
    assert.equal(grain?.author, 'Priya Natarajan');
    assert.equal(storm?.link, 'https://northwire.example.org/weather/baltic-storm');
    assert.equal(storm?.published_at, '2024-07-31T22:00:00.000Z');
    assert.deepEqual(storm?.authors, ['North Wire desk']);
  });

  test('Atom 0.3: issued date and escaped content', () => {
    const parsed = load('atom03.xml');
    assert.equal(parsed.feed.title, 'Old Town Gazette');
    assert.equal(parsed.items[0]?.link, 'https://oldtown.example.com/2024/05/market-square');
    assert.equal(parsed.items[0]?.published_at, '2024-05-05T09:00:00.000Z');
    assert.equal(parsed.items[0]?.content, '<p>The vote passed seven to two.</p>');
  });
});

describe('parseFeed: JSON Feed', () => {
  const parsed = load('jsonfeed.json');
  test('items, attachments, relative URLs, feed author fallback', () => {
    assert.equal(parsed.feed.title, 'Morgenpost Digital');
    assert.equal(parsed.feed.link, 'https://morgenpost.example.de/');
    const [energy, cup] = parsed.items;
    assert.equal(energy?.id, 'mp-5501');
    assert.equal(
      energy?.canonical_url,
      'https://feeds.example.net/wirtschaft/energiepreise-sinken',
    );
    assert.equal(energy?.published_at, '2024-10-02T04:00:00.000Z');
    assert.deepEqual(energy?.enclosures, [
      {
        url: 'https://feeds.example.net/podcast/morgen-2024-10-02.mp3',
        type: 'audio/mpeg',
        length: 5120000,
      },
    ]);
    assert.equal(cup?.content, 'Die Auslosung ergab ein Derby.');
    assert.deepEqual(cup?.authors, ['Morgenpost Redaktion']);
  });
});

describe('parseFeed: awkward items', () => {
  test('items without guid or link are kept; id falls back to the link', () => {
    const parsed = load('rss-missing-guid-link.xml');
    assert.equal(parsed.items.length, 3);
    assert.equal(parsed.items[0]?.id, 'https://ticker-ost.example.de/eil/stromausfall-leipzig');
    assert.equal(parsed.items[1]?.id, 'ticker-ost-7781');
    assert.equal(parsed.items[1]?.link, undefined);
    assert.equal(parsed.items[1]?.canonical_url, undefined);
    assert.equal(parsed.items[2]?.summary, 'Ein Eintrag ganz ohne Titel, Link und GUID.');
  });

  test('CDATA, markup and entities in titles come out as plain text', () => {
    const titles = load('rss-cdata-entities.xml').items.map((item) => item.title);
    assert.deepEqual(titles, [
      'Markets rally as central bank holds rates & signals cuts',
      'M&A boom: “record quarter” for dealmakers – analysts',
      // &#160; is whitespace too: titles are search text, so it collapses to a plain space.
      'Minister says no to 5 % levy',
    ]);
  });

  test('malformed XML throws FeedParseError carrying the feed URL', () => {
    assert.throws(
      () => load('malformed.xml'),
      (err: unknown) => err instanceof FeedParseError && err.context.url === FEED_URL,
    );
  });

  test('something that is no feed at all throws FeedParseError', () => {
    assert.throws(
      () => parseFeed('<html><body>Not a feed</body></html>', FEED_URL),
      FeedParseError,
    );
    assert.throws(() => parseFeed('', FEED_URL), FeedParseError);
  });

  test('RSS 0.91 is read', () => {
    const text =
      '<rss version="0.91"><channel><title>Kurier</title><link>https://kurier.example.at/</link>' +
      '<description>d</description><item><title>Wien wählt</title><link>https://kurier.example.at/wahl</link></item></channel></rss>';
    assert.equal(parseFeed(text, FEED_URL).items[0]?.title, 'Wien wählt');
  });
});
