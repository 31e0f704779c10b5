import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SiteRoute } from './site-manifest.js';
import {
  sendPlain,
  sendServedBody,
  servedBody,
  type ByteCounter,
  type ServedBody,
} from './served-body.js';
import { streamFiller } from './huge-stream.js';

const PLACEHOLDER = Buffer.from('{{BASE}}', 'ascii');
/** Seconds a flaky route asks for; short so tests that honour it stay fast. */
const FLAKY_RETRY_AFTER_SECONDS = '1';
const TEXT_TYPE = /^text\/|xml|json|javascript/i;

/**
 * Replaces `{{BASE}}` in the raw bytes. Working on bytes, not decoded text, keeps files in
 * ISO-8859-1, windows-1252 or windows-1251 byte-exact: those charsets are ASCII-compatible, so
 * the ASCII placeholder and the ASCII URL are the only bytes that change.
 */
export function replacePlaceholder(raw: Buffer, baseUrl: string): Buffer {
  const replacement = Buffer.from(baseUrl, 'ascii');
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = raw.indexOf(PLACEHOLDER); at !== -1; at = raw.indexOf(PLACEHOLDER, from)) {
    parts.push(raw.subarray(from, at), replacement);
    from = at + PLACEHOLDER.length;
  }
  parts.push(raw.subarray(from));
  return Buffer.concat(parts);
}

function delayUnlessClosed(res: ServerResponse, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const onClose = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      res.off('close', onClose);
      resolve(true);
    }, ms);
    res.once('close', onClose);
  });
}

interface PreparedRoute {
  route: SiteRoute;
  served?: ServedBody;
}

/** The manifest's routes for one running site, with the per-site state flaky routes need. */
export class StaticRoutes {
  private readonly routes = new Map<string, PreparedRoute>();
  private readonly hits = new Map<string, number>();

  constructor(
    routes: SiteRoute[],
    private readonly baseUrl: string,
  ) {
    for (const route of routes) this.routes.set(route.path, { route, served: this.prepare(route) });
  }

  has(path: string): boolean {
    return this.routes.has(path);
  }

  async serve(path: string, req: IncomingMessage, res: ServerResponse, count: ByteCounter) {
    const prepared = this.routes.get(path);
    if (prepared === undefined) throw new Error(`no route ${path}`);
    const { slowMs } = prepared.route.behaviour;
    if (slowMs !== undefined && !(await delayUnlessClosed(res, slowMs))) return;
    await this.answer(prepared, req, res, count);
  }

  private prepare(route: SiteRoute): ServedBody | undefined {
    if (route.raw === undefined) return undefined;
    const bytes = TEXT_TYPE.test(route.contentType)
      ? replacePlaceholder(route.raw, this.baseUrl)
      : route.raw;
    return servedBody(bytes, route.contentType, route.lastModifiedMs);
  }

  private async answer(
    p: PreparedRoute,
    req: IncomingMessage,
    res: ServerResponse,
    count: ByteCounter,
  ) {
    const { redirectTo, flaky, status, huge } = p.route.behaviour;
    if (redirectTo !== undefined) {
      const location = this.baseUrl + redirectTo;
      const body = Buffer.from(`<a href="${location}">moved</a>`);
      return sendPlain(req, res, { status: 302, body, headers: { Location: location } }, count);
    }
    if (flaky !== undefined && this.countHit(p.route.path) <= flaky) {
      const body = Buffer.from('<h1>503 Service Unavailable</h1>');
      const headers = { 'Retry-After': FLAKY_RETRY_AFTER_SECONDS };
      return sendPlain(req, res, { status: 503, body, headers }, count);
    }
    if (status !== undefined) return this.sendFixedStatus(p, status, req, res, count);
    if (huge !== undefined) return streamFiller(req, res, huge, count);
    if (p.served === undefined) throw new Error(`route ${p.route.path} has no file`);
    sendServedBody(req, res, p.served, count);
  }

  private sendFixedStatus(
    p: PreparedRoute,
    status: number,
    req: IncomingMessage,
    res: ServerResponse,
    count: ByteCounter,
  ): void {
    const body = p.served?.body ?? Buffer.from(`<h1>${status}</h1>`);
    const headers = { 'Content-Type': p.route.contentType };
    sendPlain(req, res, { status, body, headers }, count);
  }

  private countHit(path: string): number {
    const hits = (this.hits.get(path) ?? 0) + 1;
    this.hits.set(path, hits);
    return hits;
  }
}
