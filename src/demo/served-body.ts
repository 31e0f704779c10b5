import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A complete response body with the validators a caching client needs. */
export interface ServedBody {
  body: Buffer;
  contentType: string;
  /** Strong ETag, quoted. */
  etag: string;
  lastModifiedMs: number;
}

export type ByteCounter = (bytes: number) => void;

/** Strong validator: the same bytes always give the same tag, different bytes a different one. */
export function strongEtag(body: Buffer): string {
  // 16 bytes of SHA-256 are plenty to tell fixture bodies apart and keep the header short.
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
}

export function servedBody(body: Buffer, contentType: string, lastModifiedMs: number): ServedBody {
  return { body, contentType, etag: strongEtag(body), lastModifiedMs };
}

function etagMatches(header: string, etag: string): boolean {
  // If-None-Match uses the weak comparison (RFC 9110 13.1.2): W/ prefixes are ignored.
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag);
}

/** RFC 9110 13.2.2: If-None-Match, when present, decides alone; If-Modified-Since otherwise. */
export function isNotModified(req: IncomingMessage, served: ServedBody): boolean {
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch !== undefined) return etagMatches(ifNoneMatch, served.etag);
  const ifModifiedSince = req.headers['if-modified-since'];
  if (ifModifiedSince === undefined) return false;
  const since = Date.parse(ifModifiedSince);
  return !Number.isNaN(since) && served.lastModifiedMs <= since;
}

/** Answers 200 with the body, or 304 when the request's validators still match. */
export function sendServedBody(
  req: IncomingMessage,
  res: ServerResponse,
  served: ServedBody,
  countBytes: ByteCounter,
): void {
  const validators = {
    ETag: served.etag,
    'Last-Modified': new Date(served.lastModifiedMs).toUTCString(),
  };
  if (isNotModified(req, served)) {
    res.writeHead(304, validators).end();
    return;
  }
  res.writeHead(200, {
    ...validators,
    'Content-Type': served.contentType,
    'Content-Length': served.body.length,
  });
  sendBodyUnlessHead(req, res, served.body, countBytes);
}

export function sendBodyUnlessHead(
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
  countBytes: ByteCounter,
): void {
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  res.end(body);
  countBytes(body.length);
}

/** A plain answer without validators: errors, redirects, statuses set by a behaviour. */
export function sendPlain(
  req: IncomingMessage,
  res: ServerResponse,
  reply: { status: number; body: Buffer; headers?: Record<string, string> },
  countBytes: ByteCounter,
): void {
  res.writeHead(reply.status, {
    'Content-Type': 'text/html; charset=utf-8',
    ...reply.headers,
    'Content-Length': reply.body.length,
  });
  sendBodyUnlessHead(req, res, reply.body, countBytes);
}
