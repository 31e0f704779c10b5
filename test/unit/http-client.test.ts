import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import {
  BlockedAddressError,
  FetchTimeoutError,
  HttpStatusError,
  NetworkError,
  TooLargeError,
  TooManyRedirectsError,
} from '../../src/core/http-errors.js';
import {
  createHttpClient,
  type HttpClientOptions,
  UnsupportedSchemeError,
} from '../../src/http/index.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const servers: Server[] = [];

async function serve(handler: Handler): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

after(() => {
  for (const server of servers) server.closeAllConnections();
  for (const server of servers) server.close();
});

const ONE_MB = 1024 * 1024;

function client(overrides: Partial<HttpClientOptions> = {}) {
  return createHttpClient({
    userAgent: 'presswatch-test/1.0',
    timeoutMs: 5000,
    maxBytes: ONE_MB,
    maxRedirects: 5,
    allowPrivateNetworks: true,
    ...overrides,
  });
}

describe('http client', () => {
  test('returns status, lower-cased headers and body, sending User-Agent and Accept-Encoding', async () => {
    let seen: IncomingMessage['headers'] = {};
    const base = await serve((req, res) => {
      seen = req.headers;
      res.writeHead(200, { 'Content-Type': 'application/rss+xml', 'X-Custom-Thing': 'yes' });
      res.end('<rss/>');
    });
    const http = client();
    const response = await http.get({ url: `${base}/feed`, headers: { 'If-None-Match': '"v1"' } });
    await http.close();
    assert.equal(response.status, 200);
    assert.equal(response.body.toString(), '<rss/>');
    assert.equal(response.headers['x-custom-thing'], 'yes');
    assert.equal(response.url, `${base}/feed`);
    assert.equal(seen['user-agent'], 'presswatch-test/1.0');
    assert.match(String(seen['accept-encoding']), /gzip/);
    assert.equal(seen['if-none-match'], '"v1"');
  });

  test('refuses loopback targets unless private networks are allowed, before any request', async () => {
    let requests = 0;
    const base = await serve((_req, res) => {
      requests++;
      res.end('secret');
    });
    const http = client({ allowPrivateNetworks: false });
    await assert.rejects(http.get({ url: `${base}/` }), BlockedAddressError);
    const viaDns = base.replace('127.0.0.1', 'localhost');
    await assert.rejects(http.get({ url: `${viaDns}/` }), BlockedAddressError);
    await http.close();
    assert.equal(requests, 0);
  });

  test('refuses an IPv4-mapped IPv6 literal of loopback', async () => {
    const base = await serve((_req, res) => res.end('internal'));
    const http = client({ allowPrivateNetworks: false });
    const mapped = base.replace('127.0.0.1', '[::ffff:127.0.0.1]');
    await assert.rejects(http.get({ url: `${mapped}/` }), BlockedAddressError);
    await http.close();
  });

  test('follows relative redirects and reports the final URL', async () => {
    const base = await serve((req, res) => {
      const step = Number(req.url?.split('/')[2] ?? 0);
      if (step < 3)
        res.writeHead(step % 2 === 0 ? 301 : 307, { Location: `../hop/${step + 1}` }).end();
      else res.end(`arrived at ${step}`);
    });
    const http = client();
    const response = await http.get({ url: `${base}/hop/0` });
    await http.close();
    assert.equal(response.url, `${base}/hop/3`);
    assert.equal(response.body.toString(), 'arrived at 3');
  });

  test('stops after maxRedirects hops with TooManyRedirectsError', async () => {
    let requests = 0;
    const base = await serve((_req, res) => {
      requests++;
      res.writeHead(302, { Location: '/loop' }).end();
    });
    const http = client({ maxRedirects: 2 });
    await assert.rejects(http.get({ url: `${base}/loop` }), TooManyRedirectsError);
    await http.close();
    assert.equal(requests, 3);
  });

  test('refuses schemes other than http and https, also as a redirect target', async () => {
    const base = await serve((_req, res) =>
      res.writeHead(301, { Location: 'file:///etc/passwd' }).end(),
    );
    const http = client();
    await assert.rejects(http.get({ url: 'ftp://example.com/feed' }), UnsupportedSchemeError);
    await assert.rejects(http.get({ url: `${base}/` }), UnsupportedSchemeError);
    await http.close();
  });

  test('aborts a 30 MB streamed body once it passes the cap, long before the server finishes', async () => {
    const total = 30 * ONE_MB;
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let written = 0;
    let closed!: Promise<number>;
    const base = await serve((req, res) => {
      closed = new Promise((resolve) => res.on('close', () => resolve(written)));
      res.writeHead(200, { 'Content-Type': 'application/xml' });
      const pump = (): void => {
        while (written < total && !res.destroyed) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        if (written >= total) res.end();
      };
      pump();
    });
    const http = client({ maxBytes: ONE_MB });
    await assert.rejects(http.get({ url: `${base}/big` }), TooLargeError);
    const writtenWhenClosed = await closed;
    await http.close();
    // Socket buffers on both sides hold a few MB at most; the rest must never have been sent.
    assert.ok(writtenWhenClosed < 10 * ONE_MB, `server wrote ${writtenWhenClosed} bytes`);
  });

  test('rejects at once when Content-Length is over the cap', async () => {
    const base = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Length': String(2 * ONE_MB) });
      res.end(Buffer.alloc(2 * ONE_MB));
    });
    const http = client({ maxBytes: ONE_MB });
    await assert.rejects(http.get({ url: `${base}/` }), TooLargeError);
    await http.close();
  });

  test('a per-request maxBytes overrides the client default', async () => {
    const base = await serve((_req, res) => res.end(Buffer.alloc(2048)));
    const http = client();
    await assert.rejects(http.get({ url: `${base}/`, maxBytes: 1024 }), TooLargeError);
    await http.close();
  });

  test('decodes gzip, deflate and br bodies', async () => {
    const text = 'Nachrichten über Straßenbahnen '.repeat(100);
    const encoders: Record<string, (b: Buffer) => Buffer> = {
      gzip: gzipSync,
      br: brotliCompressSync,
      deflate: deflateSync,
    };
    const base = await serve((req, res) => {
      const encoding = req.url?.slice(1) ?? 'gzip';
      res.writeHead(200, { 'Content-Encoding': encoding });
      res.end(encoders[encoding]?.(Buffer.from(text)));
    });
    const http = client();
    for (const encoding of Object.keys(encoders)) {
      const response = await http.get({ url: `${base}/${encoding}` });
      assert.equal(response.body.toString(), text, encoding);
    }
    await http.close();
  });

  test('a gzip bomb is stopped at the decoded cap', async () => {
    const bomb = gzipSync(Buffer.alloc(200 * ONE_MB));
    const base = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Encoding': 'gzip', 'Content-Length': String(bomb.length) });
      res.end(bomb);
    });
    const http = client({ maxBytes: ONE_MB });
    const heapBefore = process.memoryUsage().arrayBuffers;
    await assert.rejects(http.get({ url: `${base}/` }), TooLargeError);
    await http.close();
    assert.ok(bomb.length < ONE_MB, 'the compressed body itself is under the cap');
    assert.ok(process.memoryUsage().arrayBuffers - heapBefore < 50 * ONE_MB);
  });

  test('times out on a server that sends headers and then stalls the body', async () => {
    const base = await serve((_req, res) => {
      res.writeHead(200);
      res.write('<rss>');
    });
    const http = client({ timeoutMs: 300 });
    const started = Date.now();
    await assert.rejects(http.get({ url: `${base}/` }), FetchTimeoutError);
    await http.close();
    assert.ok(Date.now() - started < 3000);
  });

  test('times out on a server that never answers', async () => {
    const base = await serve(() => undefined);
    const http = client({ timeoutMs: 300 });
    await assert.rejects(http.get({ url: `${base}/` }), FetchTimeoutError);
    await http.close();
  });

  test('304 comes back with status 304 and an empty body', async () => {
    const base = await serve((_req, res) => res.writeHead(304, { ETag: '"v2"' }).end());
    const http = client();
    const response = await http.get({ url: `${base}/` });
    await http.close();
    assert.equal(response.status, 304);
    assert.equal(response.body.length, 0);
    assert.equal(response.headers.etag, '"v2"');
  });

  test('non-2xx throws HttpStatusError with Retry-After in seconds or as an HTTP-date', async () => {
    const inTwoMinutes = new Date(Date.now() + 120_000).toUTCString();
    const base = await serve((req, res) => {
      if (req.url === '/busy') res.writeHead(503, { 'Retry-After': '120' }).end();
      else if (req.url === '/slow-down') res.writeHead(429, { 'Retry-After': inTwoMinutes }).end();
      else res.writeHead(404).end();
    });
    const http = client();
    const busy = await http.get({ url: `${base}/busy` }).catch((err: unknown) => err);
    const limited = await http.get({ url: `${base}/slow-down` }).catch((err: unknown) => err);
    const missing = await http.get({ url: `${base}/gone` }).catch((err: unknown) => err);
    await http.close();
    assert.ok(busy instanceof HttpStatusError && limited instanceof HttpStatusError);
    assert.equal(busy.retryAfterMs, 120_000);
    assert.equal(busy.disposition, 'retryable');
    assert.equal(limited.disposition, 'rate-limited');
    assert.ok(limited.retryAfterMs !== undefined && limited.retryAfterMs > 100_000);
    assert.ok(missing instanceof HttpStatusError && missing.disposition === 'permanent');
  });

  test('a refused connection is a NetworkError', async () => {
    const base = await serve(() => undefined);
    const server = servers.at(-1);
    await new Promise((resolve) => server?.close(resolve));
    const http = client();
    await assert.rejects(http.get({ url: `${base}/` }), NetworkError);
    await http.close();
  });
});
