import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { extractArticle } from '../../src/articles/index.js';
import { creditedDomains } from '../../src/articles/cites.js';

const FILLER =
  '<p>Die Gespräche sollen in der kommenden Woche fortgesetzt werden, hieß es aus beiden Delegationen, die sich zuversichtlich zeigten.</p>';

describe('cites', () => {
  test('agency names after "Quelle:", "Source:" and "Источник:" map to their domains', () => {
    assert.deepEqual(creditedDomains('Das teilte das Ministerium mit. Quelle: TASS'), ['tass.ru']);
    assert.deepEqual(creditedDomains('Source: Reuters, AFP and AP.').sort(), [
      'afp.com',
      'apnews.com',
      'reuters.com',
    ]);
    assert.deepEqual(creditedDomains('Источник: РИА Новости'), ['ria.ru']);
    assert.deepEqual(creditedDomains('Quelle: dpa/Interfax'), ['dpa.com', 'interfax.ru']);
  });

  test('bare domains after a credit and the "~ domain" credit', () => {
    assert.deepEqual(creditedDomains('Quelle: www.tagesschau.example'), ['tagesschau.example']);
    assert.deepEqual(creditedDomains('„Zitat.“\n~ de.rt.com'), ['de.rt.com']);
  });

  test('no credit, no cite: agency names in running text are not credits', () => {
    assert.deepEqual(creditedDomains('Reuters und AP berichteten zuerst darüber.'), []);
  });

  test('outbound body links count, the page own host (with or without www) does not', () => {
    const html = `<html><body><article>${FILLER}${FILLER}<p>Laut <a href="https://www.bundestag.example/drucksache">Drucksache</a> und <a href="https://x.example/archiv">Archiv</a> sowie <a href="//news.other.example/a">Bericht</a>, so die Sprecherin der Regierung heute.</p></article></body></html>`;
    assert.deepEqual(extractArticle(html, 'https://www.x.example/a').cites, [
      'bundestag.example',
      'news.other.example',
    ]);
  });
});
