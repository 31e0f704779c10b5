import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadSiteRoutes } from './site-manifest.js';
import { StaticRoutes } from './static-routes.js';
import { GeneratedSite, type GeneratedSiteOptions } from './generated-site.js';
import { sendPlain, sendServedBody, type ByteCounter } from './served-body.js';

export type { GeneratedSiteOptions };

export interface FixtureSiteOptions {
  /** Directory holding site.json and the files it names (test/fixtures/site). */
  root: string;
  /** Adds /bench/feed-{i}.xml and /bench/{i}/{j}.html, for benchmarks. */
  generated?: GeneratedSiteOptions;
  /** Default 0: a free port chosen by the system. */
  port?: number;
}

export interface RecordedRequest {
  method: string;
  /** Path without query, as routes are matched. */
  path: string;
  /** Path with query, as the client sent it. */
  url: string;
  headers: IncomingHttpHeaders;
  /** Milliseconds since the epoch when the request arrived. */
  time: number;
}

export interface FixtureSite {
  /** `http://127.0.0.1:PORT`, no trailing slash; what `{{BASE}}` became. */
  url: string;
  close(): Promise<void>;
  /** Requests for this path (query ignored) in arrival order; every request when no path given. */
  requests(path?: string): RecordedRequest[];
  /** Body bytes written for this path so far, over all requests. */
  bytesSent(path: string): number;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((err) => (err ? reject(err) : resolve()));
    // Streams and slow answers in flight would keep close() waiting: end them now.
    server.closeAllConnections();
  });
}

/** Starts the fixture news site on 127.0.0.1. Rejects if site.json or a file it names is wrong. */
export async function startFixtureSite(options: FixtureSiteOptions): Promise<FixtureSite> {
  const routes = await loadSiteRoutes(options.root);
  const log: RecordedRequest[] = [];
  const sent = new Map<string, number>();
  const server = createServer();
  const url = `http://127.0.0.1:${await listen(server, options.port ?? 0)}`;
  const site = new SiteHandler(new StaticRoutes(routes, url), options.generated, url);
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const record = recordOf(req, url);
    log.push(record);
    const count: ByteCounter = (n) => sent.set(record.path, (sent.get(record.path) ?? 0) + n);
    site.handle(record.path, req, res, count).catch(() => failRequest(res));
  });
  return {
    url,
    close: () => close(server),
    requests: (path) => log.filter((r) => path === undefined || r.path === path),
    bytesSent: (path) => sent.get(path) ?? 0,
  };
}

function recordOf(req: IncomingMessage, base: string): RecordedRequest {
  const target = new URL(req.url ?? '/', base);
  const path = target.pathname;
  const time = Date.now();
  return {
    method: req.method ?? 'GET',
    path,
    url: path + target.search,
    headers: req.headers,
    time,
  };
}

function failRequest(res: ServerResponse): void {
  if (res.headersSent) res.destroy();
  else res.writeHead(500).end();
}

class SiteHandler {
  private readonly generated: GeneratedSite | undefined;

  constructor(
    private readonly routes: StaticRoutes,
    generated: GeneratedSiteOptions | undefined,
    baseUrl: string,
  ) {
    this.generated = generated && new GeneratedSite(generated, baseUrl);
  }

  async handle(path: string, req: IncomingMessage, res: ServerResponse, count: ByteCounter) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      const body = Buffer.from('<h1>405 Method Not Allowed</h1>');
      return sendPlain(req, res, { status: 405, body, headers: { Allow: 'GET, HEAD' } }, count);
    }
    if (this.routes.has(path)) return this.routes.serve(path, req, res, count);
    const generated = this.generated?.lookup(path);
    if (generated !== undefined) return sendServedBody(req, res, generated, count);
    sendPlain(req, res, { status: 404, body: Buffer.from('<h1>404 Not Found</h1>') }, count);
  }
}
