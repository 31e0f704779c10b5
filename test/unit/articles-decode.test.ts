import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { decodeHtml, detectCharset } from '../../src/articles/index.js';

const PAGES = new URL('../fixtures/pages/', import.meta.url);

function page(name: string): Buffer {
  return readFileSync(new URL(name, PAGES));
}

describe('decodeHtml', () => {
  test('a BOM outranks the HTTP header and the meta tag', () => {
    const body = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('<meta charset="windows-1251"><p>Grüße</p>'),
    ]);
    assert.equal(detectCharset(body, 'text/html; charset=iso-8859-1'), 'utf-8');
    assert.equal(
      decodeHtml(body, 'text/html; charset=iso-8859-1'),
      '<meta charset="windows-1251"><p>Grüße</p>',
    );
  });

  test('the HTTP charset outranks the meta tag', () => {
    const body = iconv.encode('<meta charset="utf-8"><p>Привет</p>', 'koi8-r');
    assert.equal(
      decodeHtml(body, 'text/html; charset="KOI8-R"'),
      '<meta charset="utf-8"><p>Привет</p>',
    );
  });

  test('ISO-8859-1 and ASCII labels decode as windows-1252, as browsers do', () => {
    const body = Buffer.from([0x80, 0x20, 0x93, 0x61, 0x94, 0x20, 0xe4]);
    assert.equal(decodeHtml(body, 'text/html; charset=ISO-8859-1'), '€ “a” ä');
    assert.equal(decodeHtml(body, 'text/html; charset=us-ascii'), '€ “a” ä');
  });

  test('a meta charset declared after a long head comment is still found', () => {
    const head = `<!-- ${'x'.repeat(2000)} --><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">`;
    const body = Buffer.concat([Buffer.from(head), iconv.encode('<p>Москва</p>', 'windows-1251')]);
    assert.equal(detectCharset(body), 'windows-1251');
    assert.ok(decodeHtml(body).endsWith('<p>Москва</p>'));
  });

  test('a charset declared only in a comment is ignored', () => {
    const body = Buffer.from('<!-- <meta charset="koi8-r"> --><p>plain</p>');
    assert.equal(detectCharset(body), 'utf-8');
  });

  test('undeclared bytes: UTF-8 when valid, windows-1252 otherwise', () => {
    assert.equal(decodeHtml(Buffer.from('<p>Bündnis</p>')), '<p>Bündnis</p>');
    assert.equal(decodeHtml(Buffer.from([0x3c, 0x70, 0x3e, 0xfc, 0x80])), '<p>ü€');
  });

  test('an unknown label falls through to the next source', () => {
    const body = Buffer.from('<meta charset="x-no-such-charset"><p>Grüße</p>');
    assert.equal(detectCharset(body, 'text/html; charset=bogus'), 'utf-8');
  });

  test('the windows-1252 fixture declared by <meta charset> decodes €, quotes and umlauts', () => {
    const html = decodeHtml(page('de-cp1252-markt.html'));
    assert.match(html, /Standgebühr steigt auf 45 €/);
    assert.match(html, /„Wir haben die Gebühren seit 2019 nicht angepasst“/);
    assert.match(html, /Jürgen Weiß/);
  });

  test('the windows-1251 fixture declared by http-equiv decodes Cyrillic', () => {
    assert.equal(detectCharset(page('ru-alliance-cp1251.html')), 'windows-1251');
    assert.match(
      decodeHtml(page('ru-alliance-cp1251.html')),
      /Кремль подтвердил предложение Пекину/,
    );
  });
});
