import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { feedLinksInHtml } from '../../src/feeds/discover.js';
import { jsonLines, runCli } from '../support/cli.js';

const RSS = '<rss version="2.0"><channel><title>Plain site news</title></channel></rss>';
const ANNOUNCING = `<html><head>
<link rel="alternate" type="application/rss+xml" title="Alle Meldungen" href="/rss/alle.xml">
<link rel="alternate" type="application/atom+xml" href="https://cdn.example/atom">
<link rel="alternate" hreflang="en" href="/en/">
<link rel="stylesheet" type="text/css" href="/s.css">
</head><body></body></html>`;

let server: Server;
let base = '';
/** Common paths are tried at the site's root, so the root feed is switched per test. */
let siteHasFeed = true;
const env = { PRESSWATCH_ALLOW_PRIVATE_NETWORKS: 'true' };

before(async () => {
  server = createServer((req, res) => {
    if (req.url === '/announcing/') return res.end(ANNOUNCING);
    if (req.url === '/plain/' || req.url === '/empty/')
      return res.end('<html><body>hi</body></html>');
    if (req.url === '/rss.xml' && siteHasFeed) return res.end(RSS);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => server.close());

test('alternate links of feed types are found, absolute, other alternates ignored', () => {
  assert.deepEqual(feedLinksInHtml(ANNOUNCING, 'https://site.example/a/'), [
    { url: 'https://site.example/rss/alle.xml', title: 'Alle Meldungen', via: 'link' },
    { url: 'https://cdn.example/atom', title: undefined, via: 'link' },
  ]);
});

test('feeds discover prints the announced feeds', async () => {
  const result = await runCli(['feeds', 'discover', `${base}/announcing/`, '--json'], env);
  assert.equal(result.code, 0, result.stderr);
  assert.deepEqual(
    jsonLines(result.stdout).map((line) => line.url),
    [`${base}/rss/alle.xml`, 'https://cdn.example/atom'],
  );
});

test('without announced feeds, common paths that parse as feeds are found', async () => {
  const result = await runCli(['feeds', 'discover', `${base}/plain/`], env);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, new RegExp(`${base}/rss.xml  Plain site news  \\(path\\)`));
});

test('a site without feeds exits 1 and says so', async () => {
  siteHasFeed = false;
  const result = await runCli(['feeds', 'discover', `${base}/empty/`], env);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /no feed found/);
});
