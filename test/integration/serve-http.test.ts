import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { neutralizeFormula } from '../../src/serve/csv.js';
import { startServeFixture, type ServeFixture } from './serve-documents.js';

let fixture: ServeFixture;

const get = (query: string) => fetch(new URL(query, fixture.server.url));

describe('serve over HTTP', () => {
  before(async () => {
    fixture = await startServeFixture('serve-http');
  });

  after(() => fixture?.close());

  test('listens on loopback', () => {
    assert.match(fixture.server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  test('bad parameters are a 400 naming each problem, escaped', async () => {
    for (const [query, message] of [
      ['/?topic=<b>War</b>', /topic: a topic id/],
      ['/?from=yesterday', /from: a date such as/],
      ['/?interval=year', /interval/],
      ['/?q=a&q=b', /q: given more than once/],
      ['/?admin=1', /Unrecognized key/],
    ] as const) {
      const response = await get(query);
      assert.equal(response.status, 400, query);
      const body = await response.text();
      assert.match(body, message);
      assert.ok(!body.includes('<b>War'), 'the bad value is escaped');
    }
  });

  test('read-only: only GET and HEAD, anything else is 405; unknown paths 404', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const response = await fetch(fixture.server.url, { method });
      assert.equal(response.status, 405, method);
      assert.equal(response.headers.get('allow'), 'GET, HEAD');
    }
    assert.equal((await get('/admin')).status, 404);
  });

  test('the page forbids scripts and never emits the hostile markup', async () => {
    const response = await get('/?q=Bündnis');
    assert.match(response.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    const body = await response.text();
    assert.ok(!/<script|<img|onerror="|onmouseover="|href="javascript:/i.test(body));
    assert.match(body, /&lt;script&gt;window\.pwned=2&lt;\/script&gt;/);
  });

  test('the CSV holds every match with a header, formulas neutralised', async () => {
    const response = await get('/articles.csv?topic=military-alliance');
    assert.match(response.headers.get('content-disposition') ?? '', /attachment/);
    const [header, ...lines] = (await response.text())
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\n');
    const { total } = await fixture.sqlite.articles.search({
      topic: 'military-alliance',
      limit: 100,
    });
    assert.equal(lines.length, total, 'our documents have no line breaks in their fields');
    assert.match(header!, /^published_at,title,url,/);
    assert.ok(lines.every((line) => line.includes('military-alliance')));
    assert.equal(neutralizeFormula('=HYPERLINK("http://x")'), `'=HYPERLINK("http://x")`);
    assert.equal(neutralizeFormula('Bündnis'), 'Bündnis');
  });
});
