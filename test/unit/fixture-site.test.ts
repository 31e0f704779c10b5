import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { get } from 'node:http';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { startFixtureSite, type FixtureSite } from '../../src/demo/fixture-site.js';

const ROOT = join(import.meta.dirname, '..', 'fixtures', 'site');
/** The huge route's size in site.json: 30 MiB. */
const HUGE_BYTES = 31_457_280;
/** Generated pages must land in 50–150 KB whichever way KB is counted. */
const MIN_PAGE = 50 * 1024;
const MAX_PAGE = 150_000;

let site: FixtureSite;

before(async () => {
  site = await startFixtureSite({
    root: ROOT,
    generated: { feeds: 3, articlesPerFeed: 12, seed: 7, now: new Date('2026-11-26T12:00:00Z') },
  });
});

after(() => site.close());

async function bytesOf(path: string, init?: RequestInit): Promise<{ res: Response; body: Buffer }> {
  const res = await fetch(site.url + path, init);
  return { res, body: Buffer.from(await res.arrayBuffer()) };
}

test('{{BASE}} is replaced on bytes: latin-1 and windows-1252 files stay byte-exact', async () => {
  for (const [path, file] of [
    ['/feeds/de-politik.xml', 'feeds/de-politik.xml'],
    ['/articles/de/energiepreise-1252.html', 'articles/de/energiepreise-1252.html'],
  ] as const) {
    const raw = await readFile(join(ROOT, file));
    const { body } = await bytesOf(path);
    const expected = Buffer.from(raw.toString('latin1').replaceAll('{{BASE}}', site.url), 'latin1');
    assert.ok(body.equals(expected), `${path} differs from its file beyond the placeholder`);
    assert.equal(body.includes('{{BASE}}'), false);
  }
  const { res, body } = await bytesOf('/feeds/de-politik.xml');
  assert.equal(res.headers.get('content-type'), 'application/rss+xml; charset=ISO-8859-1');
  assert.ok(
    body.includes(Buffer.from('Milit\xe4rb\xfcndnis', 'latin1')),
    'ü is the single byte 0xFC',
  );
  assert.ok(
    body.includes(Buffer.from(`<link>${site.url}/articles/de/pokal-halbfinale.html</link>`)),
  );
});

test('the windows-1252 page decodes to €, „…“ and umlauts only by its meta charset', async () => {
  const { res, body } = await bytesOf('/articles/de/energiepreise-1252.html');
  assert.equal(res.headers.get('content-type'), 'text/html');
  assert.ok(body.includes(Buffer.from([0x80])), '€ is byte 0x80');
  const text = iconv.decode(body, 'windows-1252');
  assert.match(text, /<meta charset="windows-1252">/);
  assert.ok(text.includes('Mehrkosten von rund 400 € im Jahr'));
  assert.ok(text.includes('„Der Gasmarkt ist heute ein Weltmarkt“'));
});

test('static routes answer conditional GETs with 304 and requests() records the validators', async () => {
  const path = '/articles/en/iran-oil-sanctions.html';
  const first = await fetch(site.url + path);
  await first.arrayBuffer();
  const etag = first.headers.get('etag') ?? '';
  const lastModified = first.headers.get('last-modified') ?? '';
  assert.match(etag, /^"[\w-]{22}"$/, 'a strong ETag');
  assert.equal(lastModified, 'Tue, 24 Nov 2026 14:05:00 GMT');
  const byEtag = await fetch(site.url + path, { headers: { 'If-None-Match': etag } });
  assert.equal(byEtag.status, 304);
  const byDate = await fetch(site.url + path, { headers: { 'If-Modified-Since': lastModified } });
  assert.equal(byDate.status, 304);
  const stale = await fetch(site.url + path, { headers: { 'If-None-Match': '"other"' } });
  assert.equal(stale.status, 200, 'a different ETag gets the full body');
  await stale.arrayBuffer();
  const recorded = site.requests(path);
  assert.equal(recorded.length, 4);
  assert.equal(recorded[1]?.headers['if-none-match'], etag);
  assert.equal(recorded[2]?.headers['if-modified-since'], lastModified);
  assert.ok(recorded.every((r) => r.method === 'GET' && r.time > 0));
});

test('a flaky route answers 503 with Retry-After twice, then 200', async () => {
  const path = '/articles/de/gipfel-nachlese.html';
  const statuses: number[] = [];
  for (let i = 0; i < 3; i++) {
    const { res, body } = await bytesOf(path);
    statuses.push(res.status);
    if (res.status === 503) assert.equal(res.headers.get('retry-after'), '1');
    else assert.ok(body.toString().includes('Es war ein Gipfel der leisen Töne.'));
  }
  assert.deepEqual(statuses, [503, 503, 200]);
});

test('404 for a gone article and for unknown paths; 302 for a redirect route', async () => {
  const gone = await bytesOf('/articles/de/geloescht.html');
  assert.equal(gone.res.status, 404);
  assert.ok(gone.body.toString().includes('Seite nicht gefunden'));
  assert.equal((await bytesOf('/nirgendwo.html')).res.status, 404);
  const moved = await fetch(site.url + '/go/nato-spending', { redirect: 'manual' });
  assert.equal(moved.status, 302);
  assert.equal(
    moved.headers.get('location'),
    `${site.url}/articles/en/nato-summit-defence-spending.html`,
  );
});

/** Reads about `limit` bytes of a response, then drops the connection like a capped client. */
function readThenAbort(url: string, limit: number): Promise<{ read: number; chunked: boolean }> {
  return new Promise((resolve, reject) => {
    const req = get(url, (res) => {
      let read = 0;
      const chunked = res.headers['transfer-encoding'] === 'chunked';
      res.on('data', (chunk: Buffer) => {
        read += chunk.length;
        if (read >= limit) {
          req.destroy();
          resolve({ read, chunked: chunked && res.headers['content-length'] === undefined });
        }
      });
    });
    req.on('error', (err) => (req.destroyed ? undefined : reject(err)));
  });
}

test('the huge route streams without Content-Length and stops when the client goes away', async () => {
  const path = '/articles/de/riesig.html';
  const { read, chunked } = await readThenAbort(site.url + path, 256 * 1024);
  assert.ok(chunked, 'chunked, no Content-Length');
  await new Promise((resolve) => setTimeout(resolve, 300));
  const settled = site.bytesSent(path);
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.equal(site.bytesSent(path), settled, 'the server stopped writing');
  assert.ok(settled >= read);
  // Socket buffers on loopback hold a few MB at most; 30 MB would mean it never stopped.
  assert.ok(settled < HUGE_BYTES / 4, `sent ${settled} bytes`);
});

test('generated feeds list articlesPerFeed items; generated pages are 50–150 KB news pages', async () => {
  const feed = (await bytesOf('/bench/feed-1.xml')).body.toString();
  assert.equal(feed.match(/<item>/g)?.length, 12);
  assert.ok(feed.includes(`<link>${site.url}/bench/1/11.html</link>`));
  assert.equal((await bytesOf('/bench/feed-3.xml')).res.status, 404);
  for (let item = 0; item < 12; item++) {
    const { res, body } = await bytesOf(`/bench/2/${item}.html`);
    assert.equal(res.status, 200);
    assert.ok(body.length >= MIN_PAGE && body.length <= MAX_PAGE, `${body.length} bytes`);
  }
  const page = (await bytesOf('/bench/0/4.html')).body.toString();
  assert.match(page, /<html lang="de">/);
  assert.match(page, /"@type":"NewsArticle"/);
  assert.match(page, /Wir verwenden Cookies/);
  assert.ok((page.match(/<a href="[^"]+\/(ressort|thema)\/\d+">/g) ?? []).length >= 60);
});

test('generated content is deterministic by seed', async () => {
  const options = { feeds: 2, articlesPerFeed: 4, seed: 7, now: new Date('2026-11-26T12:00:00Z') };
  const a = await startFixtureSite({ root: ROOT, generated: options });
  const b = await startFixtureSite({ root: ROOT, generated: options });
  try {
    const pageOf = async (s: FixtureSite) =>
      (await (await fetch(s.url + '/bench/1/3.html')).text()).replaceAll(s.url, 'BASE');
    assert.equal(await pageOf(a), await pageOf(b));
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
});

test('slowMs delays the answer, and a broken site.json is refused', async () => {
  const root = await mkdtemp(join(tmpdir(), 'pw-site-'));
  await writeFile(join(root, 'a.txt'), 'hello {{BASE}}');
  const routes = [
    { path: '/a', file: 'a.txt', contentType: 'text/plain', behaviour: { slowMs: 150 } },
  ];
  const manifest = { lastModified: 'Thu, 26 Nov 2026 05:00:00 GMT', routes };
  await writeFile(join(root, 'site.json'), JSON.stringify(manifest));
  const slow = await startFixtureSite({ root });
  try {
    const started = Date.now();
    assert.equal(await (await fetch(slow.url + '/a')).text(), `hello ${slow.url}`);
    assert.ok(Date.now() - started >= 140);
  } finally {
    await slow.close();
  }
  await writeFile(join(root, 'site.json'), JSON.stringify({ routes: [{ path: '/b' }] }));
  await assert.rejects(startFixtureSite({ root }), /site\.json/);
});

test('expected.json matches the served fixture pages', async () => {
  const expected = JSON.parse(await readFile(join(ROOT, 'expected.json'), 'utf8')) as Record<
    string,
    { must: string[]; title: string }
  >;
  assert.equal(Object.keys(expected).length, 9);
  for (const [path, page] of Object.entries(expected)) {
    const { res, body } = await bytesOf(path);
    assert.equal(res.status, 200, path);
    const text = iconv.decode(body, path.includes('1252') ? 'windows-1252' : 'utf-8');
    assert.ok(text.includes(page.title), `${path} title`);
    for (const must of page.must) assert.ok(text.includes(must), `${path}: ${must}`);
  }
});
