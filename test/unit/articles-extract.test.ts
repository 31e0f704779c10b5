import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { decodeHtml, extractArticle } from '../../src/articles/index.js';
import { NoArticleTextError } from '../../src/core/stage-errors.js';

const PAGES = new URL('../fixtures/pages/', import.meta.url);

function extractFixture(name: string, url: string) {
  return extractArticle(decodeHtml(readFileSync(new URL(name, PAGES))), url);
}

const RT_URL = 'https://de.rt.example/international/2026/03/14/kreml-militaerbuendnis-peking/';

describe('German RT-DE-style article with full site chrome', () => {
  const result = extractFixture('de-rt-buendnis.html', RT_URL);

  test('keeps the story, its lead, sub-headings, list and quote', () => {
    assert.match(
      result.text,
      /^Erstmals spricht der Kreml offen von einem formellen Militärbündnis/,
    );
    assert.match(result.text, /ein weitreichendes Bündnisangebot unterbreitet hat/);
    assert.match(result.text, /\n\nPeking: „Keine Blockbildung“\n\n/);
    assert.match(result.text, /\n\nden Austausch von Lagebildern zur Raketenabwehr,\n\n/);
    assert.match(result.text, /„Wir bieten eine Partnerschaft an, keine Unterordnung/);
    assert.match(result.text, /gilt in Moskau wie in Peking als offen\.$/);
  });

  test('leaves out navigation, cookie banner, sidebar, comments, newsletter, footer, scripts', () => {
    const chrome = [
      'Kurzclips',
      'Alle akzeptieren',
      'Ihre Privatsphäre',
      'Meistgelesen',
      'NATO-Manöver an der Ostflanke',
      'Abwarten und Tee trinken',
      'Bernd K.',
      'Täglich informiert',
      'Impressum',
      'Alle Rechte vorbehalten',
      'dataLayer',
      'Jetzt die App laden',
      'JavaScript',
      'Eilmeldung',
      '--brand',
    ];
    for (const phrase of chrome) assert.ok(!result.text.includes(phrase), `leaked: ${phrase}`);
  });

  test('leaves out caption, byline, kicker, date line, share bar, tags, hidden text, headline', () => {
    const furniture = [
      'Foto: Symbolbild',
      'Von Anna Schmidt',
      'International',
      '09:30 Uhr',
      'Artikel teilen',
      'Telegram',
      'Themen:',
      'versteckt',
      'Kreml bestätigt:',
      'Mehr zum Thema',
    ];
    for (const phrase of furniture) assert.ok(!result.text.includes(phrase), `leaked: ${phrase}`);
  });

  test('separates adjacent blocks by a blank line and never glues their words', () => {
    assert.match(
      result.text,
      /sagte er vor Journalisten im Kreml\.\n\nEinzelheiten nannte er nicht\./,
    );
    assert.match(result.text, /Generalstäbe,\n\ngemeinsame Übungen/);
    assert.doesNotMatch(result.text, /Kreml\.Einzelheiten|\n{3,}| {2,}/);
  });

  test('reads the metadata', () => {
    assert.equal(result.title, 'Kreml bestätigt: Moskau bietet Peking ein Militärbündnis an');
    assert.deepEqual(result.authors, ['Anna Schmidt']);
    assert.equal(result.published_at, '2026-03-14T08:30:00.000Z');
    assert.equal(result.updated_at, '2026-03-14T10:05:00.000Z');
    assert.equal(result.language, 'de');
    assert.equal(result.canonical_url, RT_URL);
    assert.equal(result.site_name, 'RT DE');
  });

  test('cites the outbound link of the body, not share buttons or its own site', () => {
    assert.deepEqual(result.cites, ['kommersant.example']);
  });
});

describe('English wire-service article', () => {
  const url = 'https://www.globalwire.example/world/russia-offers-china-alliance-2026-03-14/';
  const result = extractFixture('en-wire-alliance.html', url);

  test('keeps the body and its table, drops the inline related box and comments', () => {
    assert.match(
      result.text,
      /^MOSCOW\/BEIJING, March 14 \(GlobalWire\) - Russia has offered China/,
    );
    assert.match(result.text, /\n\n2024 Northern Interaction Sea of Japan\n\n/);
    for (const phrase of [
      'Read more',
      'NATO leaders to meet in July',
      'Most read',
      'jwalker',
      'Morning Bid',
    ]) {
      assert.ok(!result.text.includes(phrase), `leaked: ${phrase}`);
    }
  });

  test('names both authors once, never "By" or "Staff"', () => {
    assert.deepEqual(result.authors, ['John Doe', 'Jane Roe']);
  });

  test('rejects a JSON-LD date years in the future and falls back to <time>', () => {
    assert.equal(result.published_at, '2026-03-14T10:12:00.000Z');
    assert.equal(result.provenance?.published_at, 'time');
    assert.deepEqual(result.warnings, [
      'ignored jsonld date 2031-01-01T00:00:00Z: in the future or before 1990',
    ]);
  });

  test('records where the authors came from', () => {
    assert.equal(result.provenance?.authors, 'jsonld');
  });

  test('language from og:locale, title, cites from links and "Source:" credits', () => {
    assert.equal(result.language, 'en');
    assert.equal(
      result.title,
      'Russia offers China a military alliance, Kremlin says; Beijing non-committal',
    );
    assert.deepEqual(result.cites, ['iiss.example', 'reuters.com', 'xinhuanet.com']);
  });
});

describe('Russian article', () => {
  const url = 'https://novosti-segodnya.example/politika/2026/03/14/soyuz-kitay/';
  for (const name of ['ru-alliance-utf8.html', 'ru-alliance-cp1251.html']) {
    test(`${name}: Cyrillic text, byline as author, ТАСС credit`, () => {
      const result = extractFixture(name, url);
      assert.match(result.text, /^Москва предложила Пекину заключить официальный военный союз/);
      assert.match(result.text, /«не стремится к созданию блоков»/);
      assert.ok(!result.text.includes('Автор:'), 'byline left in the body');
      assert.ok(!result.text.includes('Самое читаемое') && !result.text.includes('Сергей_М'));
      assert.deepEqual(result.authors, ['Ирина Петрова']);
      assert.equal(result.title, 'Кремль подтвердил предложение Пекину о военном союзе');
      assert.equal(result.language, 'ru');
      assert.equal(result.published_at, '2026-03-14T09:00:00.000Z');
      assert.deepEqual(result.cites, ['tass.ru']);
    });
  }
});

describe('German windows-1252 page declared only by <meta charset>', () => {
  const result = extractFixture(
    'de-cp1252-markt.html',
    'https://www.rheinpfalz-kurier.example/lokal/markt/',
  );

  test('€, „quotes“ and umlauts come out right', () => {
    assert.match(result.text, /von 38 € auf 45 € pro Markttag/);
    assert.match(
      result.text,
      /„Wir haben die Gebühren seit 2019 nicht angepasst“, sagte Bürgermeisterin/,
    );
  });

  test('title from <title> without the " - Site" suffix; author from the byline', () => {
    assert.equal(result.title, 'Wochenmarkt wird teurer: Standgebühr steigt auf 45 €');
    assert.deepEqual(result.authors, ['Jürgen Weiß']);
    assert.equal(result.published_at, undefined);
  });
});

describe('football report whose only geopolitical words are in the sidebar', () => {
  const result = extractFixture(
    'de-football-sidebar.html',
    'https://sportzeitung-sued.example/fussball/sandhausen/',
  );

  test('the body holds the match and none of the sidebar, ticker or comment politics', () => {
    assert.match(result.text, /traf Jonas Ebert per Kopf zum 2:2/);
    assert.doesNotMatch(
      result.text,
      /Kreml|Peking|Moskau|NATO|Militärbündnis|Bündnisangebot|Lawrow/,
    );
  });

  test('a comment timestamp is not taken as the publication date', () => {
    assert.equal(result.published_at, undefined);
    assert.deepEqual(result.authors, ['Tobias Krämer']);
  });
});

describe('credits in the text', () => {
  const result = extractFixture(
    'de-rt-credits.html',
    'https://de.rt.example/international/lawrow-angebot/',
  );

  test('"~ de.rt.com", "Quelle: TASS" and "Quelle: ria.ru" become cites', () => {
    assert.deepEqual(result.cites, ['de.rt.com', 'ria.ru', 'tass.ru']);
  });

  test('a 1970 placeholder date is rejected; a desk name stands only when no person is named', () => {
    assert.equal(result.published_at, undefined);
    assert.deepEqual(result.authors, ['Redaktion']);
  });
});

describe('pages without an article', () => {
  for (const name of ['script-shell.html', 'consent-wall.html']) {
    test(`${name} throws NoArticleTextError`, () => {
      assert.throws(() => extractFixture(name, 'https://de.rt.example/x/'), NoArticleTextError);
    });
  }

  test('a short notice under the threshold is no article', () => {
    const html =
      '<html><body><article><p>Dieser Artikel ist nicht mehr verfügbar.</p></article></body></html>';
    assert.throws(() => extractArticle(html, 'https://example.org/a'), NoArticleTextError);
  });
});

describe('the HTML subset', () => {
  const result = extractFixture(
    'en-wire-alliance.html',
    'https://globalwire.example/world/alliance',
  );

  test('keeps paragraphs and tables, drops classes, scripts and the boilerplate the text drops', () => {
    const html = result.html ?? '';
    assert.match(html, /<p>MOSCOW\/BEIJING, March 14 \(GlobalWire\) - Russia has offered China/);
    assert.match(html, /<table>/);
    assert.doesNotMatch(html, /class=|<script|<div|Morning Bid/);
  });
});

describe('pages without article text say why', () => {
  test('a consent wall', () => {
    assert.throws(
      () => extractFixture('consent-wall.html', 'https://de.rt.example/x/'),
      /no article text \(\d+ characters; a consent wall or cookie notice\)/,
    );
  });

  test('an AMP page', () => {
    const html = '<html amp lang="en"><body><amp-story><p>Swipe up</p></amp-story></body></html>';
    assert.throws(() => extractArticle(html, 'https://x.example/amp'), /an AMP page/);
  });

  test('a script-only shell', () => {
    const script = '<script src="/app.js"></script>';
    const html = `<html><body><div id="app"></div>${script.repeat(3)}</body></html>`;
    assert.throws(() => extractArticle(html, 'https://x.example/'), /a script-only shell/);
  });
});
