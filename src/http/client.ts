import { Agent, request } from 'undici';
import { PresswatchError } from '../core/errors.js';
import { FetchTimeoutError, HttpStatusError, NetworkError } from '../core/http-errors.js';
import type { HttpClient, HttpRequest, HttpResponse } from '../core/http-types.js';
import { assertPublicAddress, bareHostname, isIpLiteral } from './address-policy.js';
import { readCappedBody, tooLarge } from './body.js';
import { guardedLookup } from './guarded-lookup.js';
import { flattenHeaders, lowerCaseKeys } from './headers.js';
import type { HttpClientOptions } from './options.js';
import { parseRetryAfter } from './retry-after.js';
import { parseHttpUrl, redirectTarget } from './redirects.js';

export interface ClosableHttpClient extends HttpClient {
  /** Closes pooled keep-alive connections so a CLI process can exit at once. */
  close(): Promise<void>;
}

type UndiciResponse = Awaited<ReturnType<typeof request>>;

interface Context {
  options: HttpClientOptions;
  agent: Agent;
  signal: AbortSignal;
}

export function createHttpClient(options: HttpClientOptions): ClosableHttpClient {
  const agent = new Agent({
    connect: options.allowPrivateNetworks ? {} : { lookup: guardedLookup },
  });
  return {
    get: (req) =>
      withDeadline(options.timeoutMs, req.url, (signal) => get({ options, agent, signal }, req)),
    close: () => agent.close(),
  };
}

async function get(ctx: Context, req: HttpRequest): Promise<HttpResponse> {
  let url = parseHttpUrl(req.url);
  for (let hops = 0; ; hops++) {
    const response = await send(ctx, url, req.headers);
    const next = redirectTarget(
      response.statusCode,
      response.headers.location,
      url,
      hops,
      ctx.options,
    );
    if (next === undefined)
      return readResponse(url, response, req.maxBytes ?? ctx.options.maxBytes);
    await response.body.dump();
    url = next;
  }
}

async function send(
  ctx: Context,
  url: URL,
  extra: Record<string, string> = {},
): Promise<UndiciResponse> {
  const host = bareHostname(url);
  // net.connect skips the lookup for IP literals, so they are checked here.
  if (!ctx.options.allowPrivateNetworks && isIpLiteral(host)) assertPublicAddress(host, host);
  try {
    return await request(url, {
      method: 'GET',
      dispatcher: ctx.agent,
      signal: ctx.signal,
      headers: { ...defaultHeaders(ctx.options), ...lowerCaseKeys(extra) },
    });
  } catch (err) {
    throw asHttpError(err, url.href);
  }
}

function defaultHeaders(options: HttpClientOptions): Record<string, string> {
  return { 'user-agent': options.userAgent, 'accept-encoding': 'gzip, deflate, br', accept: '*/*' };
}

async function readResponse(
  url: URL,
  response: UndiciResponse,
  maxBytes: number,
): Promise<HttpResponse> {
  const headers = flattenHeaders(response.headers);
  const status = response.statusCode;
  if (status === 304 || status < 200 || status >= 300) {
    await response.body.dump();
    if (status === 304) return { url: url.href, status, headers, body: Buffer.alloc(0) };
    throw new HttpStatusError(status, url.href, parseRetryAfter(headers['retry-after']));
  }
  const body = await readBody(url.href, response.body, headers, maxBytes);
  return { url: url.href, status, headers, body };
}

async function readBody(
  url: string,
  body: UndiciResponse['body'],
  headers: Record<string, string>,
  maxBytes: number,
): Promise<Buffer> {
  try {
    if (Number(headers['content-length'] ?? 0) > maxBytes) throw tooLarge(url, maxBytes);
    return await readCappedBody(body, headers['content-encoding'], maxBytes, url);
  } catch (err) {
    abortBody(body);
    throw asHttpError(err, url);
  }
}

/** Closes the connection mid-body; undici reports that as an error nobody needs to hear. */
function abortBody(body: UndiciResponse['body']): void {
  body.on('error', () => undefined);
  body.destroy();
}

async function withDeadline<T>(
  ms: number,
  url: string,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  try {
    return await work(controller.signal);
  } catch (err) {
    if (!controller.signal.aborted || err instanceof HttpStatusError) throw err;
    throw new FetchTimeoutError(`${url}: no complete answer within ${ms} ms`, {
      cause: err,
      context: { url },
    });
  } finally {
    clearTimeout(timer);
  }
}

/** Our own errors pass through (also when undici wraps the one our lookup raised). */
function asHttpError(err: unknown, url: string): unknown {
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    if (e instanceof PresswatchError) return e;
  }
  const message = err instanceof Error ? err.message : String(err);
  return new NetworkError(`${url}: ${message}`, { cause: err, context: { url } });
}
