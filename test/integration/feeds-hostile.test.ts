import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { withFeed, type Handler } from './feeds-support.js';

const MB = 1024 * 1024;
const rss = (inner: string, prolog = '') =>
  `<?xml version="1.0"?>${prolog}<rss version="2.0"><channel><title>t</title>${inner}</channel></rss>`;
const laughs = Array.from({ length: 9 }, (_, i) =>
  i === 0 ? '<!ENTITY l0 "ha">' : `<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`,
).join('');
const good = rss('<item><title>ok</title><link>https://a.example/ok</link></item>');

/** Each hostile answer comes first; the second request gets a good feed, to show we survived. */
async function refused(hostile: Handler, pattern: RegExp, maxBytes = 5 * MB): Promise<void> {
  await withFeed(
    (req, res, hit) => (hit === 1 ? hostile(req, res, hit) : res.end(good)),
    async ({ poll, last }) => {
      const failed = await poll();
      assert.equal(failed.lastOutcome, 'failed');
      assert.match(`${failed.lastErrorCode}: ${failed.lastError}`, pattern);
      assert.equal(last()?.ok, false);
      const recovered = await poll();
      assert.equal(recovered.lastOutcome, 'ok');
      assert.equal(recovered.itemsLastPoll, 1);
    },
    maxBytes,
  );
}

test('an entity-expansion bomb is refused', () =>
  refused(
    (_q, res) => res.end(rss('<item><title>&l8;</title></item>', `<!DOCTYPE rss [${laughs}]>`)),
    /FEED_PARSE: .*entity declarations that expand/,
  ));

test('an external entity is refused', () =>
  refused(
    (_q, res) =>
      res.end(
        rss(
          '<item><title>&x;</title></item>',
          '<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
        ),
      ),
    /external entity/,
  ));

test('deeply nested XML is refused', () =>
  refused(
    (_q, res) => res.end(rss(`<item>${'<a>'.repeat(50_000)}${'</a>'.repeat(50_000)}</item>`)),
    /nested deeper than 100/,
  ));

test('a 50 MB feed is refused at the size cap', () =>
  refused((_q, res) => {
    res.write('<rss version="2.0"><channel>');
    res.end(Buffer.alloc(50 * MB, 'x'));
  }, /TOO_LARGE/));

test('an endless response is refused at the size cap', () =>
  refused(
    (_q, res) => {
      const chunk = Buffer.alloc(64 * 1024, '<item><title>again</title></item>');
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      res.on('close', () => res.removeAllListeners('drain'));
      pump();
    },
    /TOO_LARGE/,
    MB,
  ));

test('a gzip bomb is refused at the decoded cap', () =>
  refused(
    (_q, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip' });
      res.end(gzipSync(Buffer.alloc(100 * MB, ' ')));
    },
    /TOO_LARGE/,
    MB,
  ));
