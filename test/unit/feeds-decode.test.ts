import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { decodeFeed, detectEncoding } from '../../src/feeds/index.js';

const fixture = (name: string): Buffer =>
  readFileSync(new URL(`../fixtures/feeds/${name}`, import.meta.url));
const xml = (encoding: string, body: string): string =>
  `<?xml version="1.0" encoding="${encoding}"?><rss version="2.0"><channel><title>${body}</title></channel></rss>`;

describe('decodeFeed', () => {
  test('ISO-8859-1 from the XML declaration: German umlauts and ß', () => {
    const text = decodeFeed(fixture('rss20-latin1-de.xml'));
    assert.match(text, /Bundesländer einigen sich auf Förderprogramm für Straßenbahnen/);
    assert.match(text, /Jürgen Weiß/);
  });

  test('ISO-8859-1 and us-ascii labels decode as windows-1252 (0x80–0x9F are quotes, not controls)', () => {
    const bytes = Buffer.from([0x84, 0x47, 0x75, 0x74, 0x93, 0x20, 0x80]); // „Gut“ €
    for (const label of ['ISO-8859-1', 'latin1', 'us-ascii']) {
      assert.equal(decodeFeed(bytes, `text/xml; charset=${label}`), '„Gut“ €', label);
    }
  });

  test('windows-1251 and KOI8-R Russian feeds', () => {
    const title = 'Правительство утвердило новый бюджет на следующий год';
    assert.match(decodeFeed(fixture('rss-windows-1251-ru.xml')), new RegExp(title));
    assert.match(decodeFeed(fixture('rss-koi8r-ru.xml')), new RegExp(title));
  });

  test('UTF-16LE with BOM, without the BOM character in the text', () => {
    const text = decodeFeed(fixture('rss-utf16le-bom.xml'));
    assert.ok(text.startsWith('<?xml'));
    assert.match(text, /Außenminister beraten über Waffenruhe/);
    assert.match(text, /Переговоры продолжатся в четверг/);
  });

  test('UTF-16BE and UTF-32 recognised from byte patterns without a BOM', () => {
    const doc = xml('UTF-16', 'Grüße');
    assert.equal(detectEncoding(iconv.encode(doc, 'utf-16be', { addBOM: false })), 'utf-16be');
    assert.equal(decodeFeed(iconv.encode(doc, 'utf-16be', { addBOM: false })), doc);
    assert.equal(decodeFeed(iconv.encode(doc, 'utf-16le', { addBOM: false })), doc);
    assert.equal(decodeFeed(iconv.encode(doc, 'utf-32le', { addBOM: false })), doc);
  });

  test('UTF-8 BOM is honoured and removed', () => {
    const doc = xml('windows-1251', 'Köln');
    assert.equal(
      decodeFeed(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(doc)])),
      doc,
    );
  });

  test('GB2312 through GB18030', () => {
    const doc = xml('GB2312', '国务院发布新的经济政策');
    assert.equal(decodeFeed(iconv.encode(doc, 'gb2312')), doc);
  });

  test('the HTTP charset wins over the XML declaration', () => {
    const doc = xml('utf-8', 'Москва');
    assert.equal(
      decodeFeed(iconv.encode(doc, 'koi8-r'), 'application/rss+xml; charset="KOI8-R"'),
      doc,
    );
  });

  test('an unknown or impossible label falls through to the next source', () => {
    const doc = xml('windows-1251', 'Новости');
    const bytes = iconv.encode(doc, 'windows-1251');
    assert.equal(decodeFeed(bytes, 'text/xml; charset=no-such-charset'), doc);
    // An ASCII-readable document cannot be UTF-16, whatever the header says.
    assert.equal(decodeFeed(bytes, 'text/xml; charset=utf-16'), doc);
  });

  test('undeclared bytes default to UTF-8, and to windows-1252 when they are not valid UTF-8', () => {
    assert.equal(decodeFeed(Buffer.from('<rss>Grüße</rss>')), '<rss>Grüße</rss>');
    assert.equal(
      decodeFeed(Buffer.from('<rss>Gr\xfc\xdfe \x96 ok</rss>', 'latin1')),
      '<rss>Grüße – ok</rss>',
    );
  });

  test('drops control characters XML forbids and repairs C1 controls as windows-1252', () => {
    assert.equal(decodeFeed(Buffer.from('<t>ab\bcd don\u0092t</t>')), '<t>abcd don’t</t>');
  });
});
