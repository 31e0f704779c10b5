import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UsageError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import type { ArticleStore } from '../core/store-types.js';
import { articlesCsv } from './csv.js';
import { renderErrorPage, renderPage } from './page.js';
import { CSV_LIMIT, PAGE_LIMIT, parsePageRequest } from './params.js';
import { STYLESHEET } from './style.js';

// No script at all, styles from our own sheet only, forms only to us: an escaping slip in a
// hostile title still cannot run code or send data elsewhere.
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  // Following an article link must not tell the outlet what the analyst searched for.
  'referrer-policy': 'no-referrer',
};

type Route = (store: ArticleStore, url: URL) => Promise<[string, string | Buffer]>;

const ROUTES: Record<string, Route> = {
  '/': async (store, url) => {
    const { params, query, interval } = parsePageRequest(url.searchParams, PAGE_LIMIT);
    const [result, buckets] = await Promise.all([
      store.search(query),
      store.histogram(query, interval),
    ]);
    return ['text/html; charset=utf-8', renderPage({ params, result, buckets })];
  },
  '/articles.csv': async (store, url) => {
    const { query } = parsePageRequest(url.searchParams, CSV_LIMIT);
    const result = await store.search(query);
    // A BOM so spreadsheets read the UTF-8 (Cyrillic, umlauts) as UTF-8.
    return ['text/csv; charset=utf-8', `\uFEFF${articlesCsv(result.hits)}`];
  },
  '/style.css': async () => ['text/css; charset=utf-8', STYLESHEET],
};

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

async function handle(
  store: ArticleStore,
  logger: Logger,
  req: IncomingMessage,
  res: ServerResponse,
) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    return send(res, 405, 'text/plain; charset=utf-8', 'read-only: GET and HEAD only\n');
  }
  const url = new URL(req.url ?? '/', 'http://localhost');
  const route = ROUTES[url.pathname];
  if (!route) return send(res, 404, 'text/plain; charset=utf-8', 'not found\n');
  try {
    const [type, body] = await route(store, url);
    if (url.pathname === '/articles.csv') {
      res.setHeader('content-disposition', 'attachment; filename="presswatch-articles.csv"');
    }
    send(res, 200, type, body);
  } catch (err) {
    const status = err instanceof UsageError ? 400 : 503;
    if (status === 503) logger.error({ err }, 'serve: store request failed');
    const message = err instanceof Error ? err.message : String(err);
    send(res, status, 'text/html; charset=utf-8', renderErrorPage(status, message));
  }
}

export interface ServeOptions {
  store: ArticleStore;
  logger: Logger;
  host: string;
  port: number;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Starts the read-only analyst page; resolves once it listens. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const server = createServer((req, res) => void handle(options.store, options.logger, req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}/`,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
